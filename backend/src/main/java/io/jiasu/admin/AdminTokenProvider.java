package io.jiasu.admin;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The admin token (ADMIN_TOKEN), for scripts and automation: on admin paths only, named {@code token} in the audit
 * log, with every role. Anything else is left to the other providers (a user's session answers 403 there, an unknown
 * token 401). Unset, nothing matches.
 */
@ApplicationScoped
class AdminTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String NAME = "token";

    private final byte[] token;

    AdminTokenProvider(OperatorsConfig config) {
        this.token = config.adminToken()
                .map(value -> value.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the sessions, which refuse a token they do not know. */
    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // only our own bearer credential: an OpenID Connect access token arrives as a subclass and is not ours
        if (token == null || request.getToken().getClass() != TokenCredential.class) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (http == null
                || !AdminPaths.covers(http.normalizedPath())
                || !MessageDigest.isEqual(token, request.getToken().getToken().getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(NAME))
                        .addRoles(Set.copyOf(Roles.ALL))
                        .build());
    }
}
