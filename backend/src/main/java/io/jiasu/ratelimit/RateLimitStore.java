package io.jiasu.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sliding-window counters in Redis. Each counter is a pair of fixed windows, the current one and the one before,
 * weighted by how much of the previous window still overlaps the sliding one: O(1) memory per caller, whatever the
 * limit. One script checks every counter of a request and counts it in all of them only if all admit it.
 */
@ApplicationScoped
class RateLimitStore {
    private static final String KEY = "jiasu:rl:";
    private static final String ADMIT = """
            local window = tonumber(ARGV[1])
            local elapsed = tonumber(ARGV[2])
            local wait = 0
            for i = 1, #KEYS / 2 do
              local limit = tonumber(ARGV[2 + i])
              local cur = tonumber(redis.call('get', KEYS[2 * i - 1]) or '0')
              local prev = tonumber(redis.call('get', KEYS[2 * i]) or '0')
              if prev * (window - elapsed) / window + cur + 1 > limit then
                local w
                if cur + 1 > limit then
                  w = (window - elapsed) + math.max(0, window * (1 - (limit - 1) / cur))
                else
                  w = window * (1 - (limit - cur - 1) / prev) - elapsed
                end
                if w > wait then wait = w end
              end
            end
            if wait > 0 then return math.max(1, math.ceil(wait)) end
            for i = 1, #KEYS / 2 do
              redis.call('incr', KEYS[2 * i - 1])
              redis.call('pexpire', KEYS[2 * i - 1], window * 2)
            end
            return 0
            """;

    private final ReactiveRedisDataSource redis;

    RateLimitStore(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** One counter: who is counted (e.g. {@code help:ip:1.2.3.4}) and how many requests its window admits. */
    record Counter(String name, int limit) {}

    /**
     * Counts a request against every counter if all of them admit it. Returns 0 when admitted, else how many
     * milliseconds until it would be.
     */
    Uni<Long> admit(List<Counter> counters, Duration window, Instant now) {
        long windowMillis = window.toMillis();
        long index = now.toEpochMilli() / windowMillis;
        List<String> args = new ArrayList<>();
        args.add("EVAL");
        args.add(ADMIT);
        args.add(String.valueOf(counters.size() * 2));
        for (Counter counter : counters) {
            args.add(KEY + counter.name() + ":" + index);
            args.add(KEY + counter.name() + ":" + (index - 1));
        }
        args.add(String.valueOf(windowMillis));
        args.add(String.valueOf(now.toEpochMilli() - index * windowMillis));
        for (Counter counter : counters) {
            args.add(String.valueOf(counter.limit()));
        }
        return redis.execute(args.get(0), args.subList(1, args.size()).toArray(String[]::new))
                .map(answer -> answer.toLong());
    }
}
