package io.jiasu.boost;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The players a helper has helped per campaign day, in Redis: a sorted set of share codes scored by when the slot
 * was reserved. A Lua script checks and reserves in one step, so concurrent helps never exceed the limit.
 */
@ApplicationScoped
class DailyHelpStore {
    private static final String KEY = "jiasu:daily:";
    private static final Duration KEEP = Duration.ofDays(2);
    private static final String RESERVE = """
            if redis.call('zscore', KEYS[1], ARGV[1]) then return 1 end
            if redis.call('zcard', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('zadd', KEYS[1], ARGV[3], ARGV[1])
            redis.call('expire', KEYS[1], ARGV[4])
            return 2
            """;

    private final ReactiveRedisDataSource redis;
    private final ReactiveSortedSetCommands<String, String> sets;
    private final RedisDeadline deadline;

    DailyHelpStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.deadline = deadline;
        this.redis = redis;
        this.sets = redis.sortedSet(String.class);
    }

    /** The outcome of asking for a slot today. */
    enum Reservation {
        /** No slot left today. */
        FULL,
        /** This player already holds a slot (an earlier or concurrent request for the same friend). */
        HELD,
        /** A new slot was taken by this request; give it back if the help is refused. */
        TAKEN
    }

    Uni<Reservation> reserve(
            String campaignId, String helperId, LocalDate day, String shareCode, int limit, Instant now) {
        return deadline.bound(redis.execute(
                        "EVAL",
                        RESERVE,
                        "1",
                        key(campaignId, helperId, day),
                        shareCode,
                        String.valueOf(limit),
                        String.valueOf(now.toEpochMilli()),
                        String.valueOf(KEEP.toSeconds()))
                .map(answer -> Reservation.values()[answer.toInteger()]));
    }

    Uni<Void> release(String campaignId, String helperId, LocalDate day, String shareCode) {
        return deadline.bound(
                sets.zrem(key(campaignId, helperId, day), shareCode).replaceWithVoid());
    }

    /** Share codes reserved before {@code cutoff}: old enough that their help has either been recorded or was lost. */
    Uni<List<String>> reservedBefore(String campaignId, String helperId, LocalDate day, Instant cutoff) {
        return deadline.bound(
                sets.zrangebyscore(key(campaignId, helperId, day), new ScoreRange<>(Double.NEGATIVE_INFINITY, (double)
                        cutoff.toEpochMilli())));
    }

    private static String key(String campaignId, String helperId, LocalDate day) {
        return KEY + campaignId + ":" + helperId + ":" + day;
    }
}
