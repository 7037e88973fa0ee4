package io.jiasu.leaderboard;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
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
    /** Each instance's last flush of its batched standings (writer id to epoch millis): a stale one died holding some. */
    private static final String WRITERS = "jiasu:lb-writers";
    /** Not a share code (those are letters and digits); sorts below every player. */
    static final String WHOLE = "~whole";

    private static final double WHOLE_SCORE = -1;

    private final ReactiveSortedSetCommands<String, String> sets;
    private final ReactiveHashCommands<String, String, Long> hashes;
    private final RedisDeadline deadline;

    LeaderboardStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.deadline = deadline;
        this.sets = redis.sortedSet(String.class);
        this.hashes = redis.hash(Long.class);
    }

    Uni<Void> record(String campaignId, Instant campaignStart, Standing standing) {
        return deadline.bound(
                sets.zadd(KEY + campaignId, new ZAddArgs().gt(), standing.score(campaignStart), standing.shareCode())
                        .replaceWithVoid());
    }

    /** Puts a batch of scores (share code to score) on the board in one ZADD; none moves a player down. */
    Uni<Void> recordAll(String campaignId, Map<String, Double> scores) {
        return deadline.bound(
                sets.zadd(KEY + campaignId, new ZAddArgs().gt(), scores).replaceWithVoid());
    }

    /** Notes that every standing this writer batched before {@code at} is on its board. */
    Uni<Void> flushed(String writerId, Instant at) {
        return deadline.bound(hashes.hset(WRITERS, writerId, at.toEpochMilli()).replaceWithVoid());
    }

    /** Every writer's last flush. */
    Uni<Map<String, Long>> writers() {
        return deadline.bound(hashes.hgetall(WRITERS));
    }

    /** Forgets a writer: it stopped with nothing left to write, or what it held was put back from the record. */
    Uni<Void> retire(String writerId) {
        return deadline.bound(hashes.hdel(WRITERS, writerId).replaceWithVoid());
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
