package io.jiasu.localstack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Deterministic bytes derived from text, so the stub answers the same input the same way every run. */
final class Fingerprint {
    private Fingerprint() {}

    static byte[] of(String... parts) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
