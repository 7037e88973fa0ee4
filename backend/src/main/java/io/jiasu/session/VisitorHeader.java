package io.jiasu.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Marks every answer to a signed-in user, and the answer to a login, with {@code X-Jiasu-Visitor}: the first 16 bytes,
 * hex, of HMAC-SHA256(VISITOR_KEY, our user id). nginx writes it to the access log and strips it, so the log analytics
 * count people, not the addresses a carrier NAT puts hundreds of them behind; without the key nobody can link it back
 * to a user. Admin, operator and anonymous answers carry none.
 *
 * <p>Each instance remembers the ids it computed lately (a bounded map in memory, never written anywhere), so a user's
 * requests after the first cost a map read instead of an HMAC; a request without an Authorization header costs a
 * header read.
 */
class VisitorHeader {
    static final String HEADER = "X-Jiasu-Visitor";
    private static final int MIN_KEY_LENGTH = 32;
    private static final int ID_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger LOG = Logger.getLogger(VisitorHeader.class);

    /** Users whose visitor id is remembered at most. */
    private static final long REMEMBERED = 100_000;

    private final CurrentIdentityAssociation identity;
    private final CurrentVertxRequest http;
    /** One Mac per thread (a Mac is not thread-safe); null when no key is configured. */
    private final ThreadLocal<Mac> macs;
    /** User id to visitor id, for the users seen lately. */
    private final Cache<String, String> visitors = Caffeine.newBuilder()
            .maximumSize(REMEMBERED)
            .executor(Runnable::run)
            .build();

    VisitorHeader(CurrentIdentityAssociation identity, CurrentVertxRequest http, VisitorConfig config) {
        this.identity = identity;
        this.http = http;
        this.macs = config.key().map(VisitorHeader::macsFor).orElse(null);
        if (macs == null) {
            LOG.warn("VISITOR_KEY is not set: answers carry no visitor id, and the log analytics count addresses only");
        }
    }

    /** Null (nothing to wait for) unless the caller's identity must be awaited. */
    @ServerResponseFilter
    public Uni<Void> mark(ContainerRequestContext request, ContainerResponseContext response) {
        if (macs == null) {
            return null;
        }
        // A login's request carries no session yet; its answer names the user it signed in.
        if (response.getEntity() instanceof SessionCreated created) {
            response.getHeaders().putSingle(HEADER, visitorOf(created.user().id()));
            return null;
        }
        // no token, no user: anonymous answers carry no id
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return null;
        }
        // the identity the request already resolved (every user path, the landing page): no Uni to wait for
        if (http.getCurrent().user() instanceof QuarkusHttpUser known) {
            mark(response, known.getSecurityIdentity());
            return null;
        }
        // An unknown or expired token on a public path is simply not a user here; the path answered as it did.
        return identity.getDeferredIdentity()
                .onFailure()
                .recoverWithNull()
                .invoke(caller -> mark(response, caller))
                .replaceWithVoid();
    }

    private void mark(ContainerResponseContext response, SecurityIdentity caller) {
        if (isUser(caller)) {
            response.getHeaders()
                    .putSingle(HEADER, visitorOf(caller.getPrincipal().getName()));
        }
    }

    /** The visitor id of a user: stable for as long as the key is, and unrelated to the id without the key. */
    String visitorOf(String userId) {
        String known = visitors.getIfPresent(userId);
        if (known != null) {
            return known;
        }
        byte[] mac = macs.get().doFinal(userId.getBytes(StandardCharsets.UTF_8));
        String visitor = HexFormat.of().formatHex(mac, 0, ID_BYTES);
        visitors.put(userId, visitor);
        return visitor;
    }

    private static boolean isUser(SecurityIdentity caller) {
        return caller != null
                && !caller.isAnonymous()
                && (caller.hasRole(SessionIdentityProvider.USER) || caller.hasRole(SessionIdentityProvider.BANNED));
    }

    private static ThreadLocal<Mac> macsFor(String key) {
        if (key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("VISITOR_KEY must be at least " + MIN_KEY_LENGTH + " characters");
        }
        SecretKeySpec spec = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
        macs.get();
        return macs;
    }
}
