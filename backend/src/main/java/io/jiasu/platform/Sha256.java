package io.jiasu.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests in lower-case hex: the SHA-256 of a text (a fixed-size Redis key for a secret or unbounded input), a script's SHA-1. */
public final class Sha256 {
    private Sha256() {}

    public static String hex(String text) {
        return hex("SHA-256", text);
    }

    /** The SHA-1 of a Lua script: the name Redis's EVALSHA knows it by. */
    public static String scriptSha(String script) {
        return hex("SHA-1", script);
    }

    private static String hex(String algorithm, String text) {
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
