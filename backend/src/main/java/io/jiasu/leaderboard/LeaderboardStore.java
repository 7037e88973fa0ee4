package io.jiasu.leaderboard;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZAddArgs;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live order of a campaign's players, a Redis sorted set of share codes. Scores only go up (ZADD GT), so helps
 * recorded out of order or a rebuild racing live helps never move a player backwards. MongoDB is the record; this
 * set is rebuilt from it when lost.
 *
 * <p>A board rebuilt from the record carries one more member, {@link #WHOLE}, below every player (scores are never
 * negative). A board without it is not whole: Redis lost it (FLUSHALL, a restart without AOF) and the first help or
 * join after the loss recreated the key with one player. Its existence alone says nothing, so {@link #isLost} asks
 * for the mark, and the rebuild writes the players and the mark in one ZADD.
 */
@ApplicationScoped
class LeaderboardStore {
    private static final String KEY = "jiasu:lb:";
    /** Not a share code (those are letters and digits); sorts below every player. */
    static final String WHOLE = "~whole";

    private static final double WHOLE_SCORE = -1;

    private final ReactiveSortedSetCommands<String, String> sets;
    private final RedisDeadline deadline;

    LeaderboardStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.deadline = deadline;
        this.sets = redis.sortedSet(String.class);
    }

    Uni<Void> record(String campaignId, Instant campaignStart, Standing standing) {
        return deadline.bound(
                sets.zadd(KEY + campaignId, new ZAddArgs().gt(), standing.score(campaignStart), standing.shareCode())
                        .replaceWithVoid());
    }

    /** Puts every standing on the board and marks it whole, in one ZADD. */
    Uni<Void> restore(String campaignId, Instant campaignStart, Collection<Standing> standings) {
        Map<String, Double> scores = new HashMap<>();
        scores.put(WHOLE, WHOLE_SCORE);
        for (Standing standing : standings) {
            scores.merge(standing.shareCode(), standing.score(campaignStart), Math::max);
        }
        return deadline.bound(
                sets.zadd(KEY + campaignId, new ZAddArgs().gt(), scores).replaceWithVoid());
    }

    /** Takes a player off the board (a banned user); a rebuild leaves them off too. */
    Uni<Void> remove(String campaignId, String shareCode) {
        return deadline.bound(sets.zrem(KEY + campaignId, shareCode).replaceWithVoid());
    }

    /** 1-based position, or null when the player is not on the board. */
    Uni<Integer> rankOf(String campaignId, String shareCode) {
        return deadline.bound(
                sets.zrevrank(KEY + campaignId, shareCode).map(rank -> rank == null ? null : (int) (rank + 1)));
    }

    /** Share codes of the first {@code limit} players, best first. */
    Uni<List<String>> top(String campaignId, int limit) {
        return deadline.bound(sets.zrange(KEY + campaignId, 0, limit - 1, new ZRangeArgs().rev())
                .map(codes -> codes.stream().filter(code -> !WHOLE.equals(code)).toList()));
    }

    /** True when the board is not the whole one a rebuild wrote: missing, or recreated by a help after a loss. */
    Uni<Boolean> isLost(String campaignId) {
        return deadline.bound(sets.zscore(KEY + campaignId, WHOLE).map(score -> score == null));
    }
}
