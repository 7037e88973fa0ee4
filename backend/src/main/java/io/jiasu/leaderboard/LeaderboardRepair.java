package io.jiasu.leaderboard;

import io.jiasu.campaign.CampaignService;
import io.jiasu.campaign.CampaignStatus;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The board half of the repair sweeper: rebuilds, from the record, the boards of started campaigns that Redis lost, and
 * puts back the batched standings an instance died holding.
 * A rebuild only raises scores (ZADD GT), so several instances may run it at once, and live helps racing it are safe.
 */
@ApplicationScoped
class LeaderboardRepair {
    private static final Logger LOG = Logger.getLogger(LeaderboardRepair.class);

    private final LeaderboardService boards;
    private final CampaignService campaigns;
    private final Clock clock;

    LeaderboardRepair(LeaderboardService boards, CampaignService campaigns, Clock clock) {
        this.boards = boards;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Scheduled(
            every = "${jiasu.repair.every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return campaigns
                .all()
                .map(all -> all.stream()
                        .filter(campaign -> campaign.status(clock.instant()) != CampaignStatus.UPCOMING)
                        .toList())
                .call(started -> Multi.createFrom()
                        .iterable(started)
                        .onItem()
                        .transformToUniAndConcatenate(boards::rebuild)
                        .collect()
                        .last())
                .call(boards::restoreAfterDeadWriters)
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("board repair failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
