package io.jiasu.localstack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The session_key the stub last issued to each openid. Like WeChat's, each login draws a new random key;
 * the stub keeps the latest one so it can encrypt open data (share info) the way the user's WeChat would.
 */
final class SessionKeys {
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> latest = new ConcurrentHashMap<>();

    /** A fresh 16-byte key for this openid, base64 as WeChat sends it; it replaces the previous one. */
    String issue(String openid) {
        byte[] key = new byte[16];
        random.nextBytes(key);
        latest.put(openid, key);
        return Base64.getEncoder().encodeToString(key);
    }

    Optional<byte[]> latest(String openid) {
        return Optional.ofNullable(latest.get(openid)).map(byte[]::clone);
    }
}
