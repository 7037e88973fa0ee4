package io.jiasu.boost;

import io.jiasu.platform.RedisDeadline;
import io.jiasu.platform.Sha256;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Answers remembered per Idempotency-Key, in Redis for a day. A key is first claimed as pending (so a concurrent
 * retry waits instead of running twice), then holds the JSON of the answer. The Redis key is the SHA-256 of the
 * scope (helper, campaign, share code, key), so it is 75 bytes however long the path was.
 */
@ApplicationScoped
class IdempotencyStore {
    static final String PENDING = "pending";
    private static final String KEY = "jiasu:idem:";
    private static final Duration PENDING_FOR = Duration.ofSeconds(30);
    private static final Duration REMEMBER_FOR = Duration.ofDays(1);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final RedisDeadline deadline;

    IdempotencyStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.deadline = deadline;
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    /** Claims the key; null when this request is the first, else what is stored (pending or the answer). */
    Uni<String> claim(String scope) {
        return deadline.bound(
                values.setGet(key(scope), PENDING, new SetArgs().nx().ex(PENDING_FOR)));
    }

    Uni<String> read(String scope) {
        return deadline.bound(values.get(key(scope)));
    }

    Uni<Void> remember(String scope, String answer) {
        return deadline.bound(values.setex(key(scope), REMEMBER_FOR.toSeconds(), answer));
    }

    /** Drops the claim after a failure worth retrying (an outage), so the retry runs for real. */
    Uni<Void> forget(String scope) {
        return deadline.bound(keys.del(key(scope)).replaceWithVoid());
    }

    private static String key(String scope) {
        return KEY + Sha256.hex(scope);
    }
}
