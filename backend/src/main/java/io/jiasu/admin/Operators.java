package io.jiasu.admin;

import io.jiasu.platform.ClientAddress;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * Names the operator behind an admin request once, when it is authenticated: the identity's principal becomes an
 * {@link Operator}, which resources read from the security context. The name is the signed-in identity's (the
 * identity provider's {@code preferred_username}, or {@code token} for the admin token), never one the caller
 * declares; the address ({@link ClientAddress}) is the client's. The roles are completed here too: {@code admin}
 * includes {@code operator}, which includes {@code viewer} ({@link Roles}).
 */
@ApplicationScoped
class Operators implements SecurityIdentityAugmentor {
    private final ClientAddress addresses;

    Operators(ClientAddress addresses) {
        this.addresses = addresses;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        Set<String> roles = identity.isAnonymous() ? Set.of() : Roles.implied(identity);
        if (roles.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        Operator operator =
                new Operator(identity.getPrincipal().getName(), http == null ? null : addresses.of(http.request()));
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .setPrincipal(operator)
                        .addRoles(roles)
                        .build());
    }
}
