package io.jiasu.localstack;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access tokens the stub has issued, with WeChat's lifetime rules: a token expires after its TTL
 * (42001), and a newer token of the same kind leaves the previous one valid for five more minutes only,
 * after which it is "not latest" (40001). Plain and stable tokens are independent, as at WeChat.
 */
final class AccessTokens {
    /** How long WeChat keeps the previous token valid after a new one is issued. */
    static final Duration SUPERSEDED_GRACE = Duration.ofMinutes(5);

    enum Kind {
        PLAIN,
        STABLE
    }

    record Issued(String token, long expiresInSeconds) {}

    private record Grant(Instant expiresAt, Instant revokedAt) {}

    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<Kind, String> latest = new EnumMap<>(Kind.class);

    AccessTokens(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A plain token request always issues a new token; a stable one reuses the live token unless forced. */
    synchronized Issued issue(Kind kind, boolean forceRefresh) {
        Instant now = clock.instant();
        String current = latest.get(kind);
        if (kind == Kind.STABLE && !forceRefresh && current != null && check(current) == null) {
            return new Issued(
                    current,
                    Duration.between(now, grants.get(current).expiresAt()).toSeconds());
        }
        if (current != null) {
            grants.computeIfPresent(current, (token, old) -> new Grant(old.expiresAt(), now.plus(SUPERSEDED_GRACE)));
        }
        String token = newToken();
        grants.put(token, new Grant(now.plus(ttl), null));
        latest.put(kind, token);
        return new Issued(token, ttl.toSeconds());
    }

    /** Null when the token is valid, else the error WeChat would give. */
    WechatError check(String token) {
        if (token == null || token.isEmpty()) {
            return WechatError.ACCESS_TOKEN_MISSING;
        }
        Grant grant = grants.get(token);
        Instant now = clock.instant();
        if (grant == null) {
            return WechatError.INVALID_CREDENTIAL;
        }
        if (!now.isBefore(grant.expiresAt())) {
            return WechatError.ACCESS_TOKEN_EXPIRED;
        }
        boolean superseded = grant.revokedAt() != null && !now.isBefore(grant.revokedAt());
        return superseded ? WechatError.INVALID_CREDENTIAL : null;
    }

    private String newToken() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
