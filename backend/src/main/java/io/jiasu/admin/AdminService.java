package io.jiasu.admin;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignDefinition;
import io.jiasu.campaign.CampaignService;
import io.jiasu.leaderboard.LeaderboardService;
import io.jiasu.leaderboard.Ranked;
import io.jiasu.player.PlayerService;
import io.jiasu.player.Virality;
import io.jiasu.prize.ClaimService;
import io.jiasu.prize.SlotService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What operators do with campaigns: define them (audited) and watch them live. */
@ApplicationScoped
class AdminService {
    private static final Duration ACTIVITY_SPAN = Duration.ofHours(1);

    private final CampaignService campaigns;
    private final PlayerService players;
    private final ClaimService claims;
    private final SlotService slots;
    private final LeaderboardService board;
    private final AuditService audit;
    private final Clock clock;

    AdminService(
            CampaignService campaigns,
            PlayerService players,
            ClaimService claims,
            SlotService slots,
            LeaderboardService board,
            AuditService audit,
            Clock clock) {
        this.campaigns = campaigns;
        this.players = players;
        this.claims = claims;
        this.slots = slots;
        this.board = board;
        this.audit = audit;
        this.clock = clock;
    }

    Uni<AdminCampaignView> define(String id, CampaignDefinition definition, Operator operator) {
        return audit.run(
                        operator,
                        "campaign.define",
                        id,
                        () -> campaigns.define(id, definition),
                        saved -> "published=" + saved.published() + " goal=" + saved.goal() + " prizeTotal="
                                + saved.prizeTotal())
                .invoke(slots::track)
                .flatMap(this::view);
    }

    Uni<AdminCampaignView> campaign(String id) {
        return campaigns.find(id).flatMap(this::view);
    }

    Uni<AdminCampaigns> all() {
        return campaigns
                .all()
                .onItem()
                .transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem()
                .transformToUniAndConcatenate(this::view)
                .collect()
                .asList()
                .map(AdminCampaigns::new);
    }

    Uni<CampaignStats> stats(String id) {
        return campaigns.find(id).flatMap(this::stats);
    }

    /** Helps per minute over the last hour, with empty minutes filled in as zero. */
    Uni<Activity> activity(String id) {
        Instant now = clock.instant();
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(ACTIVITY_SPAN).plus(Duration.ofMinutes(1));
        return campaigns
                .find(id)
                .flatMap(campaign -> players.helpsPerMinute(id, first))
                .map(rows -> {
                    Map<Instant, Long> byMinute = new HashMap<>();
                    rows.forEach(row -> byMinute.put(row.minute(), row.helps()));
                    List<Activity.Point> points = new ArrayList<>();
                    for (Instant minute = first; !minute.isAfter(now); minute = minute.plus(Duration.ofMinutes(1))) {
                        points.add(new Activity.Point(minute, byMinute.getOrDefault(minute, 0L)));
                    }
                    return new Activity(points);
                });
    }

    /** The live board with share codes, fresh (not the public snapshot), rebuilt first if Redis lost it. */
    Uni<AdminLeaderboard> leaderboard(String id, int limit) {
        return campaigns
                .find(id)
                .flatMap(campaign -> board.top(campaign, limit))
                .map(rows -> {
                    List<AdminStanding> entries = new ArrayList<>();
                    for (Ranked row : rows) {
                        entries.add(new AdminStanding(
                                entries.size() + 1,
                                row.shareCode(),
                                row.nickname(),
                                row.avatarUrl(),
                                row.progress(),
                                row.finishedAt()));
                    }
                    return new AdminLeaderboard(entries);
                });
    }

    private Uni<AdminCampaignView> view(Campaign campaign) {
        return stats(campaign).map(stats -> AdminCampaignView.of(campaign, clock.instant(), stats));
    }

    /** The viral loop of a campaign; the prize steps of its funnel come from the slots and the claims. */
    Uni<Virality> virality(String id) {
        return campaigns
                .find(id)
                .flatMap(campaign -> claims.counts(id)
                        .flatMap(claimed -> players.virality(id, campaign.prizesTaken(), claimed.claims())));
    }

    private Uni<CampaignStats> stats(Campaign campaign) {
        return Uni.combine()
                .all()
                .unis(players.counts(campaign.id()), claims.counts(campaign.id()))
                .with((counts, claimed) -> new CampaignStats(
                        counts.players(),
                        counts.boosts(),
                        counts.helpers(),
                        counts.finished(),
                        campaign.prizesTaken(),
                        claimed.claims(),
                        campaign.prizeRemaining(),
                        claimed.pendingReview()));
    }
}
