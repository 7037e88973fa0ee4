package io.jiasu.admin;

import io.jiasu.platform.ClientAddress;
import io.jiasu.platform.Text;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Names the operator behind an admin request once, when it is authenticated: the identity's principal becomes an
 * {@link Operator}, which resources read from the security context. There is one admin token, so the name is the one
 * the operator typed when signing in to the console ({@code X-Operator}, percent-encoded UTF-8); the address
 * ({@link ClientAddress}) is what tells requests apart.
 */
@ApplicationScoped
class Operators implements SecurityIdentityAugmentor {
    static final String HEADER = "X-Operator";
    private static final String ADMIN_ROLE = "admin";
    private static final String UNNAMED = "admin";

    private final ClientAddress addresses;

    Operators(ClientAddress addresses) {
        this.addresses = addresses;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (http == null || identity.isAnonymous() || !identity.hasRole(ADMIN_ROLE)) {
            return Uni.createFrom().item(identity);
        }
        Operator operator = new Operator(name(http.request().getHeader(HEADER)), addresses.of(http.request()));
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .setPrincipal(operator)
                        .build());
    }

    private static String name(String header) {
        String declared = decoded(header);
        return declared == null || Text.problemWith(declared, 1, 40) != null ? UNNAMED : declared.strip();
    }

    private static String decoded(String header) {
        if (header == null) {
            return null;
        }
        try {
            return URLDecoder.decode(header, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
