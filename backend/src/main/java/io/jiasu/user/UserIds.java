package io.jiasu.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A new user's id, derived from their openid: the first 16 bytes of HMAC-SHA256(USER_ID_KEY, openid), URL-safe base64
 * (22 characters). Every login of one openid names the same document, so the {@code _id} index that MongoDB always
 * has makes a second user impossible, even when the openid index is missing (a restore into a fresh cluster). Without
 * the key the id can't be computed from an openid, nor the openid found from the id.
 */
@ApplicationScoped
class UserIds {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int ID_BYTES = 16;

    private final SecretKeySpec key;

    UserIds(UserConfig config) {
        this.key = new SecretKeySpec(config.idKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String of(String openid) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(openid.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, ID_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
