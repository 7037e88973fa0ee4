package io.jiasu.leaderboard;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZAddArgs;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The live order of a campaign's players, a Redis sorted set of share codes. Scores only go up (ZADD GT), so helps
 * recorded out of order or a rebuild racing live helps never move a player backwards. MongoDB is the record; this
 * set is rebuilt from it when lost.
 */
@ApplicationScoped
class LeaderboardStore {
    private static final String KEY = "jiasu:lb:";

    private final ReactiveSortedSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;

    LeaderboardStore(ReactiveRedisDataSource redis) {
        this.sets = redis.sortedSet(String.class);
        this.keys = redis.key();
    }

    Uni<Void> record(String campaignId, Instant campaignStart, Standing standing) {
        return sets.zadd(KEY + campaignId, new ZAddArgs().gt(), standing.score(campaignStart), standing.shareCode())
                .replaceWithVoid();
    }

    Uni<Void> restore(String campaignId, Instant campaignStart, Collection<Standing> standings) {
        if (standings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Double> scores = standings.stream()
                .collect(Collectors.toMap(Standing::shareCode, s -> s.score(campaignStart), Math::max));
        return sets.zadd(KEY + campaignId, new ZAddArgs().gt(), scores).replaceWithVoid();
    }

    /** Takes a player off the board (a banned user); a rebuild leaves them off too. */
    Uni<Void> remove(String campaignId, String shareCode) {
        return sets.zrem(KEY + campaignId, shareCode).replaceWithVoid();
    }

    /** 1-based position, or null when the player is not on the board. */
    Uni<Integer> rankOf(String campaignId, String shareCode) {
        return sets.zrevrank(KEY + campaignId, shareCode).map(rank -> rank == null ? null : (int) (rank + 1));
    }

    /** Share codes of the first {@code limit} players, best first. */
    Uni<List<String>> top(String campaignId, int limit) {
        return sets.zrange(KEY + campaignId, 0, limit - 1, new ZRangeArgs().rev());
    }

    Uni<Boolean> isLost(String campaignId) {
        return keys.exists(KEY + campaignId).map(exists -> !exists);
    }
}
