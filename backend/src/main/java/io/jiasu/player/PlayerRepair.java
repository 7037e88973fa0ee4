package io.jiasu.player;

import io.jiasu.campaign.CampaignService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The sweeper that finishes what a crash interrupted: finished players whose prize outcome was never written. Every
 * step it repeats is idempotent, so several instances may run it at once.
 */
@ApplicationScoped
class PlayerRepair {
    private static final Logger LOG = Logger.getLogger(PlayerRepair.class);
    private static final int BATCH = 500;

    private final PlayerStore store;
    private final PlayerService players;
    private final CampaignService campaigns;

    PlayerRepair(PlayerStore store, PlayerService players, CampaignService campaigns) {
        this.store = store;
        this.players = players;
        this.campaigns = campaigns;
    }

    @Scheduled(
            every = "${jiasu.repair.every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return store.unsettled(BATCH)
                .onItem()
                .transformToUniAndConcatenate(player -> campaigns
                        .find(player.campaignId())
                        .flatMap(campaign -> players.settle(campaign, player))
                        .invoke(rank -> LOG.infof(
                                "settled prize outcome of %s in %s: %s",
                                player.shareCode(), player.campaignId(), rank)))
                .collect()
                .last()
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("repair sweep failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
