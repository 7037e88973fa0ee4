package io.jiasu.session;

import io.jiasu.platform.RedisDeadline;
import io.jiasu.platform.Sha256;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.GetExArgs;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Sessions in Redis: the SHA-256 of a token maps to its user and the moment it ends for good ({@code userId
 * deadline}), with a sliding expiry below that; each user's session keys are listed in a set so all of them can be
 * ended at once.
 */
@ApplicationScoped
class SessionStore {
    private static final String KEY = "jiasu:session:";
    private static final String USER_SESSIONS = "jiasu:sessions:";

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final RedisDeadline deadline;

    SessionStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.deadline = deadline;
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key();
    }

    /** A new session of {@code userId}, sliding by {@code ttl} and ending for good at {@code endsAt}. */
    Uni<Void> open(String token, String userId, Duration ttl, Instant endsAt) {
        String key = key(token);
        String list = USER_SESSIONS + userId;
        return deadline.bound(values.setex(key, ttl.toSeconds(), userId + " " + endsAt.getEpochSecond())
                .call(() -> sets.sadd(list, key))
                .call(() -> keys.expireat(list, endsAt))
                .replaceWithVoid());
    }

    /**
     * The user of a live token, pushing its expiry out again; null when unknown, expired, past its absolute
     * lifetime or revoked. A value written before the lifetime existed (a bare user id) has no deadline.
     */
    Uni<String> touch(String token, Duration ttl, Instant now) {
        String key = key(token);
        return deadline.bound(values.getex(key, new GetExArgs().ex(ttl))).flatMap(value -> {
            if (value == null) {
                return Uni.createFrom().nullItem();
            }
            int space = value.indexOf(' ');
            if (space < 0) {
                return Uni.createFrom().item(value);
            }
            if (now.getEpochSecond() >= Long.parseLong(value.substring(space + 1))) {
                return deadline.bound(keys.del(key)).replaceWith((String) null);
            }
            return Uni.createFrom().item(value.substring(0, space));
        });
    }

    Uni<Void> close(String token) {
        return deadline.bound(keys.del(key(token)).replaceWithVoid());
    }

    /** Ends every session of the user: each key on its own (a Redis Cluster spreads them over slots), then the list. */
    Uni<Void> closeAll(String userId) {
        String list = USER_SESSIONS + userId;
        return deadline.bound(sets.smembers(list))
                .onItem()
                .transformToMulti(members -> Multi.createFrom().iterable(members))
                .onItem()
                .transformToUniAndConcatenate(key -> deadline.bound(keys.del(key)))
                .collect()
                .last()
                .flatMap(ignored -> deadline.bound(keys.del(list)))
                .replaceWithVoid();
    }

    // Only the digest is stored, so a Redis dump does not hand out live tokens.
    private static String key(String token) {
        return KEY + Sha256.hex(token);
    }
}
