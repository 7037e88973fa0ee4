package io.jiasu.session;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.GetExArgs;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Sessions in Redis: the SHA-256 of a token maps to its user, with a sliding expiry. */
@ApplicationScoped
class SessionStore {
    private static final String KEY = "jiasu:session:";

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final RedisDeadline deadline;

    SessionStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.deadline = deadline;
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    Uni<Void> open(String token, String userId, Duration ttl) {
        return deadline.bound(values.setex(key(token), ttl.toSeconds(), userId));
    }

    /** The user of a live token, pushing its expiry out again; null when unknown, expired or revoked. */
    Uni<String> touch(String token, Duration ttl) {
        return deadline.bound(values.getex(key(token), new GetExArgs().ex(ttl)));
    }

    Uni<Void> close(String token) {
        return deadline.bound(keys.del(key(token)).replaceWithVoid());
    }

    // Only the digest is stored, so a Redis dump does not hand out live tokens.
    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return KEY + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
