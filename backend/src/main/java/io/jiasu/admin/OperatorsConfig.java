package io.jiasu.admin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Who may use the admin API and the console: operators signed in through OpenID Connect, and the admin token. */
@ConfigMapping(prefix = "jiasu.operators")
interface OperatorsConfig {
    /** ADMIN_TOKEN: the bearer for scripts and automation, audited as {@code token}, with every role. Unset: off. */
    Optional<String> adminToken();

    /** How long the console keeps an operator who does nothing signed in. */
    @WithDefault("30m")
    Duration consoleIdle();

    Oidc oidc();

    /** The company's identity provider. Without an issuer URL or a public key, operators sign in with the token only. */
    interface Oidc {
        /** OIDC_AUTH_SERVER_URL: the issuer, e.g. {@code https://sso.example.com/realms/jiasu} (discovery from it). */
        Optional<String> authServerUrl();

        /** OIDC_CLIENT_ID: the console's public client (authorization code with PKCE). */
        String clientId();

        /** OIDC_ROLE_CLAIM: where the token carries the roles, a path of claim names separated by {@code /}. */
        String roleClaim();

        /** OIDC_NAME_CLAIM: the claim naming the operator in the audit log. */
        String nameClaim();

        /** OIDC_AUDIENCE: when set, a token must name it in {@code aud}. */
        Optional<String> audience();

        /**
         * A PEM/base64 RSA public key to verify tokens with instead of discovery (tests, air-gapped setups); the
         * issuer is then {@link #issuer()}.
         */
        Optional<String> publicKey();

        /** The {@code iss} a token must carry when verified with {@link #publicKey()}. */
        Optional<String> issuer();
    }
}
