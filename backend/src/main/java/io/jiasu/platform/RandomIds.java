package io.jiasu.platform;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: session tokens and share codes. */
public final class RandomIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

    private RandomIds() {}

    /** 256 random bits, URL-safe. */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A short code without look-alike characters; 10 characters carry about 58 bits. */
    public static String shortCode(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
