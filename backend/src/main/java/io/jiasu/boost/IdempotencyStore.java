package io.jiasu.boost;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Answers remembered per Idempotency-Key, in Redis for a day. A key is first claimed as pending (so a concurrent
 * retry waits instead of running twice), then holds the JSON of the answer.
 */
@ApplicationScoped
class IdempotencyStore {
    static final String PENDING = "pending";
    private static final String KEY = "jiasu:idem:";
    private static final Duration PENDING_FOR = Duration.ofSeconds(30);
    private static final Duration REMEMBER_FOR = Duration.ofDays(1);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;

    IdempotencyStore(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    /** Claims the key; null when this request is the first, else what is stored (pending or the answer). */
    Uni<String> claim(String scope) {
        return values.setGet(KEY + scope, PENDING, new SetArgs().nx().ex(PENDING_FOR));
    }

    Uni<String> read(String scope) {
        return values.get(KEY + scope);
    }

    Uni<Void> remember(String scope, String answer) {
        return values.setex(KEY + scope, REMEMBER_FOR.toSeconds(), answer);
    }

    /** Drops the claim after a failure worth retrying (an outage), so the retry runs for real. */
    Uni<Void> forget(String scope) {
        return keys.del(KEY + scope).replaceWithVoid();
    }
}
