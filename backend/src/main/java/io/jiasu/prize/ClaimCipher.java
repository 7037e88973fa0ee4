package io.jiasu.prize;

import io.jiasu.platform.DependencyUnavailable;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Seals personal data with AES-256-GCM under keys from the environment. Each record names its key id, so keys can be
 * rotated: add a new key, make it current, rekey the stored claims, then drop the old key. The claim's share code is
 * bound in as associated data, so a sealed blob copied onto another claim does not open.
 */
@ApplicationScoped
class ClaimCipher {
    private static final Logger LOG = Logger.getLogger(ClaimCipher.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys = new HashMap<>();
    private final String currentId;
    private final SecureRandom random = new SecureRandom();

    ClaimCipher(ClaimConfig config) {
        for (String entry : config.keys().orElse(List.of())) {
            String[] parts = entry.strip().split(":", 2);
            byte[] key = parts.length == 2 ? decode(parts[1]) : null;
            if (parts[0].isEmpty() || key == null || key.length != KEY_BYTES) {
                throw new IllegalStateException("CLAIM_KEYS: each entry must be id:<base64 of 32 bytes>");
            }
            keys.put(parts[0], new SecretKeySpec(key, "AES"));
        }
        this.currentId = config.keyId().orElse(null);
        if (currentId != null && !keys.containsKey(currentId)) {
            throw new IllegalStateException("CLAIM_KEY_ID names a key that CLAIM_KEYS does not hold");
        }
    }

    /** Fails the start on a malformed key list; without keys the app runs but refuses claims. */
    void check(@Observes StartupEvent start) {
        if (currentId == null) {
            LOG.warn("CLAIM_KEYS and CLAIM_KEY_ID are not set: prize claims are refused until they are");
        }
    }

    /** Sealed bytes and the key that sealed them. */
    record Sealed(String keyId, byte[] iv, byte[] ciphertext) {}

    Sealed seal(PersonalData data, String shareCode) {
        String keyId = currentKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] plain = new Document("n", data.name())
                .append("p", data.phone())
                .append("a", data.address())
                .toJson()
                .getBytes(StandardCharsets.UTF_8);
        return new Sealed(keyId, iv, run(Cipher.ENCRYPT_MODE, keys.get(keyId), iv, shareCode, plain));
    }

    PersonalData open(Sealed sealed, String shareCode) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("claim of " + shareCode + " is sealed with key " + sealed.keyId()
                    + ", which CLAIM_KEYS no longer holds");
        }
        Document plain = Document.parse(new String(
                run(Cipher.DECRYPT_MODE, key, sealed.iv(), shareCode, sealed.ciphertext()), StandardCharsets.UTF_8));
        return new PersonalData(plain.getString("n"), plain.getString("p"), plain.getString("a"));
    }

    /** The id new claims are sealed with; fails (503) when no key is configured. */
    String currentKeyId() {
        if (currentId == null) {
            throw new DependencyUnavailable("claim encryption key", null);
        }
        return currentId;
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, String shareCode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(("jiasu-claim:" + shareCode).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "claim of " + shareCode + " could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened"),
                    e);
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
