package io.jiasu.player;

import io.jiasu.campaign.CampaignService;
import io.jiasu.campaign.CampaignStatus;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The sweeper that finishes what a crash interrupted: finished players whose prize outcome was never written, and
 * leaderboards Redis lost. Every step it repeats is idempotent, so several instances may run it at once.
 */
@ApplicationScoped
class PlayerRepair {
    private static final Logger LOG = Logger.getLogger(PlayerRepair.class);
    private static final int BATCH = 500;

    private final PlayerStore store;
    private final PlayerService players;
    private final CampaignService campaigns;
    private final Clock clock;

    PlayerRepair(PlayerStore store, PlayerService players, CampaignService campaigns, Clock clock) {
        this.store = store;
        this.players = players;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Scheduled(
            every = "${jiasu.repair.every:30s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Uni<Void> prizes = store.unsettled(BATCH)
                .onItem()
                .transformToUniAndConcatenate(player -> campaigns
                        .find(player.campaignId())
                        .flatMap(campaign -> players.settle(campaign, player))
                        .invoke(rank -> LOG.infof(
                                "settled prize outcome of %s in %s: %s",
                                player.shareCode(), player.campaignId(), rank)))
                .collect()
                .last()
                .replaceWithVoid();
        Uni<Void> boards = campaigns
                .all()
                .onItem()
                .transformToMulti(list -> Multi.createFrom().iterable(list))
                .filter(campaign -> campaign.status(clock.instant()) != CampaignStatus.UPCOMING)
                .onItem()
                .transformToUniAndConcatenate(players::restoreBoard)
                .collect()
                .last()
                .replaceWithVoid();
        return prizes.flatMap(ignored -> boards)
                .onFailure()
                .invoke(e -> LOG.warnf("repair sweep failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
