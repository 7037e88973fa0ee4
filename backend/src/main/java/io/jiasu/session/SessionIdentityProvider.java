package io.jiasu.session;

import io.jiasu.user.BannedUsers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Turns a bearer token into a caller: the operators' admin token, or a user's live session. A banned user keeps their
 * identity but not the {@code user} role, so every user path answers FORBIDDEN.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String ADMIN = "admin";
    static final String USER = "user";
    static final String BANNED = "banned";

    private final SessionService sessions;
    private final BannedUsers banned;
    private final byte[] adminToken;

    SessionIdentityProvider(SessionService sessions, BannedUsers banned, SessionConfig config) {
        this.sessions = sessions;
        this.banned = banned;
        this.adminToken = config.adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().item(identity(ADMIN, ADMIN));
        }
        return sessions.userOf(token).map(userId -> {
            if (userId == null) {
                throw new AuthenticationFailedException();
            }
            return identity(userId, banned.contains(userId) ? BANNED : USER);
        });
    }

    private static SecurityIdentity identity(String name, String role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(role)
                .build();
    }
}
