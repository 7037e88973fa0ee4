package io.jiasu.ratelimit;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sliding-window counters in Redis. Each counter is a pair of fixed windows, the current one and the one before,
 * weighted by how much of the previous window still overlaps the sliding one: O(1) memory per caller, whatever the
 * limit. Both windows of a counter share one hash tag, so each script touches one Redis Cluster slot; a request's
 * counters (its user and its address live in different slots) are admitted one after the other, and a counter that
 * refuses gives back what the ones before it counted.
 */
@ApplicationScoped
class RateLimitStore {
    private static final String KEY = "jiasu:rl:";
    private static final String ADMIT = """
            local window = tonumber(ARGV[1])
            local elapsed = tonumber(ARGV[2])
            local limit = tonumber(ARGV[3])
            local cur = tonumber(redis.call('get', KEYS[1]) or '0')
            local prev = tonumber(redis.call('get', KEYS[2]) or '0')
            if prev * (window - elapsed) / window + cur + 1 > limit then
              local w
              if cur + 1 > limit then
                w = (window - elapsed) + math.max(0, window * (1 - (limit - 1) / cur))
              else
                w = window * (1 - (limit - cur - 1) / prev) - elapsed
              end
              return math.max(1, math.ceil(w))
            end
            redis.call('incr', KEYS[1])
            redis.call('pexpire', KEYS[1], window * 2)
            return 0
            """;
    private static final String GIVE_BACK = "if redis.call('decr', KEYS[1]) <= 0 then redis.call('del', KEYS[1]) end";

    private final ReactiveRedisDataSource redis;
    private final RedisDeadline deadline;

    RateLimitStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.deadline = deadline;
        this.redis = redis;
    }

    /** One counter: who is counted (e.g. {@code help:ip:1.2.3.4}) and how many requests its window admits. */
    record Counter(String name, int limit) {}

    /**
     * Counts a request against every counter if all of them admit it. Returns 0 when admitted, else how many
     * milliseconds until the first counter that refused would admit it.
     */
    Uni<Long> admit(List<Counter> counters, Duration window, Instant now) {
        return admit(counters, 0, window, now);
    }

    private Uni<Long> admit(List<Counter> counters, int from, Duration window, Instant now) {
        if (from == counters.size()) {
            return Uni.createFrom().item(0L);
        }
        long windowMillis = window.toMillis();
        long index = now.toEpochMilli() / windowMillis;
        Counter counter = counters.get(from);
        return deadline.bound(redis.execute(
                        "EVAL",
                        ADMIT,
                        "2",
                        key(counter, index),
                        key(counter, index - 1),
                        String.valueOf(windowMillis),
                        String.valueOf(now.toEpochMilli() - index * windowMillis),
                        String.valueOf(counter.limit()))
                .map(answer -> answer.toLong())
                .flatMap(wait -> wait > 0
                        ? Uni.createFrom().item(wait)
                        : admit(counters, from + 1, window, now)
                                .call(later -> later > 0
                                        ? redis.execute("EVAL", GIVE_BACK, "1", key(counter, index))
                                        : Uni.createFrom().voidItem())));
    }

    /** The windows of one counter share the hash tag {name}: one slot in a Redis Cluster. */
    private static String key(Counter counter, long index) {
        return KEY + "{" + counter.name() + "}:" + index;
    }
}
