package io.jiasu.admin;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Hands OpenID Connect only what is its own: a JWT on an admin path. Everything else resolves to the default tenant,
 * which is disabled, so quarkus-oidc passes and our own bearer mechanism reads the request (a user's opaque session, the
 * admin token). A JWT on a user path is just an unknown session: 401.
 */
@ApplicationScoped
class OperatorTenant implements TenantConfigResolver {
    static final String TENANT = "operators";

    private final Optional<OidcTenantConfig> tenant;

    OperatorTenant(OperatorsConfig config) {
        this.tenant = tenant(config.oidc());
    }

    /** Whether operators can sign in through the identity provider at all. */
    boolean enabled() {
        return tenant.isPresent();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext http, OidcRequestContext<OidcTenantConfig> context) {
        if (tenant.isPresent()
                && AdminPaths.covers(http.normalizedPath())
                && isJwt(http.request().getHeader("Authorization"))) {
            return Uni.createFrom().item(tenant.get());
        }
        return Uni.createFrom().nullItem();
    }

    /** {@code Bearer <header>.<payload>.<signature>}: our own tokens never contain a dot. */
    private static boolean isJwt(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorization.substring(7).strip();
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first + 1;
    }

    private static Optional<OidcTenantConfig> tenant(OperatorsConfig.Oidc oidc) {
        if (oidc.authServerUrl().isEmpty() && oidc.publicKey().isEmpty()) {
            return Optional.empty();
        }
        var builder = OidcTenantConfig.builder().tenantId(TENANT).applicationType(ApplicationType.SERVICE);
        oidc.authServerUrl().ifPresent(builder::authServerUrl);
        oidc.publicKey().ifPresent(key -> builder.publicKey(key).discoveryEnabled(false));
        builder.roles().roleClaimPath(oidc.roleClaim()).end();
        var token = builder.token().principalClaim(oidc.nameClaim());
        oidc.issuer().ifPresent(token::issuer);
        oidc.audience().ifPresent(token::audience);
        return Optional.of(token.end().build());
    }
}
