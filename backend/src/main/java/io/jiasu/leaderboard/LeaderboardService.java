package io.jiasu.leaderboard;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live order of a campaign's players, and the only way to it. MongoDB is the record; the board in Redis is
 * derived from it: a standing is recorded after the record changed, and a lost board is rebuilt from the record
 * through {@link BoardPlayers}. The public board is served from an in-memory snapshot per campaign, at most
 * {@link #MAX_AGE} old, so a flash crowd costs one Redis range and one indexed MongoDB lookup per instance per
 * second, never a scan.
 */
@ApplicationScoped
public class LeaderboardService {
    /** The most rows any board read answers ({@link BoardLimit}). */
    static final int MAX_LIMIT = 100;

    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final LeaderboardStore store;
    private final CampaignService campaigns;
    private final BoardPlayers players;
    private final Clock clock;
    private final Map<String, Uni<Leaderboard>> snapshots = new ConcurrentHashMap<>();

    LeaderboardService(LeaderboardStore store, CampaignService campaigns, BoardPlayers players, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.players = players;
        this.clock = clock;
    }

    /** Puts a player's standing on the board; a standing below the one the board holds changes nothing. */
    public Uni<Void> record(Campaign campaign, Standing standing) {
        return store.record(campaign.id(), campaign.startsAt(), standing);
    }

    /** The player's 1-based position on the live board, or null when they are not on it. */
    public Uni<Integer> rankOf(String campaignId, String shareCode) {
        return store.rankOf(campaignId, shareCode);
    }

    /** Takes a player off the board (a banned user); a rebuild leaves them off too. */
    public Uni<Void> remove(String campaignId, String shareCode) {
        return store.remove(campaignId, shareCode);
    }

    /** The first {@code limit} rows of the live board, share codes included; rebuilt first if Redis lost it. */
    public Uni<List<Ranked>> top(Campaign campaign, int limit) {
        return rebuild(campaign)
                .flatMap(ignored -> store.top(campaign.id(), limit))
                .flatMap(codes -> players.rows(campaign, codes));
    }

    /** Rebuilds the campaign's board from the record if Redis lost it; a board that is there is left alone. */
    public Uni<Void> rebuild(Campaign campaign) {
        return store.isLost(campaign.id())
                .flatMap(lost -> !lost
                        ? Uni.createFrom().voidItem()
                        : players.standings(campaign)
                                .flatMap(standings -> store.restore(campaign.id(), campaign.startsAt(), standings)));
    }

    /** The public board of a published campaign: its first {@code limit} rows ({@link BoardLimit}), without share codes. */
    Uni<Leaderboard> published(String campaignId, int limit) {
        return campaigns
                .published(campaignId)
                .flatMap(campaign -> snapshots
                        .computeIfAbsent(
                                campaignId, id -> snapshot(id).memoize().atLeast(MAX_AGE))
                        .map(board -> new Leaderboard(
                                board.entries()
                                        .subList(
                                                0,
                                                Math.min(limit, board.entries().size())),
                                board.generatedAt())));
    }

    private Uni<Leaderboard> snapshot(String campaignId) {
        return campaigns
                .published(campaignId)
                .flatMap(campaign -> top(campaign, MAX_LIMIT))
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
