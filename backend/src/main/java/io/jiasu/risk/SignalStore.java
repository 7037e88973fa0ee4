package io.jiasu.risk;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The risk signals kept in Redis, all derived and all allowed to be lost: each helper's WeChat risk rank (cached with
 * a TTL, asked again when gone) and the helps each player received per network in the current window.
 */
@ApplicationScoped
class SignalStore {
    private static final String RANK = "jiasu:risk:rank:";
    private static final String NETWORK = "jiasu:risk:net:";
    private static final String COUNT_IN_WINDOW = """
            local n = redis.call('incr', KEYS[1])
            if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
            return n
            """;

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final RedisDeadline deadline;

    SignalStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.deadline = deadline;
    }

    /** The helper's cached WeChat risk rank, or null when it is not known (never asked, expired or lost). */
    Uni<Integer> rank(String userId) {
        return deadline.bound(values.get(RANK + userId)).map(rank -> rank == null ? null : Integer.valueOf(rank));
    }

    Uni<Void> keepRank(String userId, int rank, Duration ttl) {
        return deadline.bound(values.setex(RANK + userId, ttl.toSeconds(), String.valueOf(rank)));
    }

    /**
     * Counts one more help to this player from this network (an opaque digest of the /24 or /64) and answers how many
     * there were in the window, this one included; the window starts with the first.
     */
    Uni<Long> helpFromNetwork(String shareCode, String network, Duration window) {
        return deadline.bound(redis.execute(
                        "EVAL",
                        COUNT_IN_WINDOW,
                        "1",
                        NETWORK + shareCode + ":" + network,
                        String.valueOf(window.toMillis()))
                .map(answer -> answer.toLong()));
    }
}
