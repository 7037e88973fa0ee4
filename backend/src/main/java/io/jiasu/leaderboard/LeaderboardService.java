package io.jiasu.leaderboard;

import io.jiasu.campaign.CampaignService;
import io.jiasu.player.PlayerService;
import io.jiasu.player.Ranked;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the public board from an in-memory snapshot per campaign, at most {@link #MAX_AGE} old, so a flash crowd
 * reading the board costs one Redis range and one indexed MongoDB lookup per instance per second, never a scan.
 */
@ApplicationScoped
class LeaderboardService {
    static final int MAX_LIMIT = 100;
    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final LeaderboardStore store;
    private final CampaignService campaigns;
    private final PlayerService players;
    private final Clock clock;
    private final Map<String, Uni<Leaderboard>> snapshots = new ConcurrentHashMap<>();

    LeaderboardService(LeaderboardStore store, CampaignService campaigns, PlayerService players, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.players = players;
        this.clock = clock;
    }

    /** The first {@code limit} rows, 1 to {@link #MAX_LIMIT} ({@link BoardLimit}). */
    Uni<Leaderboard> top(String campaignId, int limit) {
        return campaigns
                .published(campaignId)
                .flatMap(campaign -> snapshots
                        .computeIfAbsent(campaignId, id -> build(id).memoize().atLeast(MAX_AGE))
                        .map(board -> new Leaderboard(
                                board.entries()
                                        .subList(
                                                0,
                                                Math.min(limit, board.entries().size())),
                                board.generatedAt())));
    }

    private Uni<Leaderboard> build(String campaignId) {
        return campaigns
                .published(campaignId)
                .call(players::restoreBoard)
                .flatMap(campaign -> store.top(campaignId, MAX_LIMIT).flatMap(codes -> players.ranked(campaign, codes)))
                .map(rows -> {
                    List<Leaderboard.Entry> entries = new ArrayList<>(rows.size());
                    for (Ranked row : rows) {
                        entries.add(new Leaderboard.Entry(
                                entries.size() + 1, row.nickname(), row.avatarUrl(), row.progress(), row.finishedAt()));
                    }
                    return new Leaderboard(List.copyOf(entries), clock.instant());
                });
    }
}
