package io.jiasu.prize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimCipherTest {
    private static final String K1 = "k1:" + key('a');
    private static final String K2 = "k2:" + key('b');
    private static final PersonalData DATA = new PersonalData("😀张三", "13812345678", "北京市海淀区中关村大街1号");

    @Test
    void aClaimSealedWithTheOldKeyOpensAfterRotationAndIsResealedWithTheNew() {
        ClaimCipher before = cipher(List.of(K1), "k1");
        ClaimCipher.Sealed old = before.seal(DATA, "code1");
        assertEquals("k1", old.keyId());

        ClaimCipher after = cipher(List.of(K1, K2), "k2");
        assertEquals(DATA.phone(), after.open(old, "code1").phone());
        ClaimCipher.Sealed resealed = after.seal(after.open(old, "code1"), "code1");
        assertEquals("k2", resealed.keyId());

        ClaimCipher withoutOldKey = cipher(List.of(K2), "k2");
        assertEquals(DATA.address(), withoutOldKey.open(resealed, "code1").address());
        assertThrows(IllegalStateException.class, () -> withoutOldKey.open(old, "code1"));
    }

    @Test
    void theCiphertextHidesTheDataAndEverySealIsDifferent() {
        ClaimCipher cipher = cipher(List.of(K1), "k1");
        ClaimCipher.Sealed one = cipher.seal(DATA, "code1");
        ClaimCipher.Sealed two = cipher.seal(DATA, "code1");
        assertFalse(new String(one.ciphertext(), StandardCharsets.ISO_8859_1).contains("13812345678"));
        assertNotEquals(Arrays.toString(one.iv()), Arrays.toString(two.iv()));
        assertFalse(Arrays.equals(one.ciphertext(), two.ciphertext()));
    }

    @Test
    void aTamperedOrMovedBlobDoesNotOpen() {
        ClaimCipher cipher = cipher(List.of(K1), "k1");
        ClaimCipher.Sealed sealed = cipher.seal(DATA, "code1");
        byte[] flipped = sealed.ciphertext().clone();
        flipped[0] ^= 1;
        assertThrows(
                IllegalStateException.class,
                () -> cipher.open(new ClaimCipher.Sealed("k1", sealed.iv(), flipped), "code1"));
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "code2"), "bound to its share code");
        assertArrayEquals(sealed.iv(), sealed.iv());
    }

    @Test
    void badKeyConfigurationFailsAtStartAndNoKeyRefusesToSeal() {
        assertThrows(IllegalStateException.class, () -> cipher(List.of("k1:c2hvcnQ="), "k1"), "a key must be 32 bytes");
        assertThrows(IllegalStateException.class, () -> cipher(List.of(K1), "k9"), "the current id must be listed");
        ClaimCipher none = new ClaimCipher(config(Optional.empty(), Optional.empty()));
        assertThrows(io.jiasu.platform.DependencyUnavailable.class, () -> none.seal(DATA, "code1"));
    }

    private static ClaimCipher cipher(List<String> keys, String current) {
        return new ClaimCipher(config(Optional.of(keys), Optional.of(current)));
    }

    private static ClaimConfig config(Optional<List<String>> keys, Optional<String> current) {
        return new ClaimConfig() {
            @Override
            public Optional<List<String>> keys() {
                return keys;
            }

            @Override
            public Optional<String> keyId() {
                return current;
            }

            @Override
            public Duration contentCheckTimeout() {
                return Duration.ofSeconds(2);
            }
        };
    }

    private static String key(char fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
