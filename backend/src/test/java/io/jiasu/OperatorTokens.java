package io.jiasu;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Operators' access tokens as an identity provider issues them (Keycloak's shape: roles in {@code
 * realm_access.roles}, the name in {@code preferred_username}), signed with a key made for this test run; the app
 * verifies them with its public half (signature, issuer, expiry) through quarkus-oidc. The console's browser test
 * signs in through a real Keycloak.
 */
public final class OperatorTokens {
    public static final String ISSUER = "https://sso.jiasu.test/realms/jiasu";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair STRANGER = rsa();

    private OperatorTokens() {}

    /** A token for an operator with these realm roles, valid for five minutes. */
    public static String of(String name, String... roles) {
        return signed(KEYS, name, Instant.now(), roles);
    }

    /** A token that expired a minute ago (issued six minutes ago). */
    public static String expired(String name, String... roles) {
        return signed(KEYS, name, Instant.now().minus(Duration.ofMinutes(6)), roles);
    }

    /** A well-formed token with the right issuer and roles, signed by a key the app does not trust. */
    public static String forged(String name, String... roles) {
        return signed(STRANGER, name, Instant.now(), roles);
    }

    static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static String signed(KeyPair keys, String name, Instant issuedAt, String... roles) {
        return Jwt.issuer(ISSUER)
                .subject("sub-" + name)
                .claim("preferred_username", name)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofMinutes(5)))
                .jws()
                .keyId("test")
                .sign(keys.getPrivate());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
