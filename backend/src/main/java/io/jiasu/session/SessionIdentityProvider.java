package io.jiasu.session;

import io.jiasu.user.BannedUsers;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a bearer token into a user's live session; a token nobody knows is refused (401). A banned user keeps
 * their identity but not the {@code user} role, so every user path answers FORBIDDEN. Operators (their OpenID Connect
 * tokens and the admin token) are the admin feature's, on admin paths only.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String USER = "user";
    static final String BANNED = "banned";

    private final SessionService sessions;
    private final BannedUsers banned;

    SessionIdentityProvider(SessionService sessions, BannedUsers banned) {
        this.sessions = sessions;
        this.banned = banned;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // only our own bearer credential: an OpenID Connect access token arrives as a subclass and is not a session
        if (request.getToken().getClass() != TokenCredential.class) {
            return Uni.createFrom().nullItem();
        }
        // no session: another provider may know the token (the admin token); when none does, the answer is 401
        return sessions.userOf(request.getToken().getToken())
                .map(userId -> userId == null ? null : identity(userId, banned.contains(userId) ? BANNED : USER));
    }

    private static SecurityIdentity identity(String name, String role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(role)
                .build();
    }
}
