package io.jiasu.prize;

import io.jiasu.campaign.CampaignService;
import io.jiasu.player.PlayerService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The prize half of the repair sweeper: settles finished players whose prize outcome a crash left unwritten (each
 * settle is idempotent, so several instances may run it at once), then refreshes every campaign's stock gauge from
 * the record.
 */
@ApplicationScoped
class PrizeRepair {
    private static final Logger LOG = Logger.getLogger(PrizeRepair.class);
    private static final int BATCH = 500;

    private final PlayerService players;
    private final CampaignService campaigns;
    private final SlotService slots;

    PrizeRepair(PlayerService players, CampaignService campaigns, SlotService slots) {
        this.players = players;
        this.campaigns = campaigns;
        this.slots = slots;
    }

    @Scheduled(
            every = "${jiasu.repair.every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return players.unsettled(BATCH)
                .onItem()
                .transformToUniAndConcatenate(finisher -> campaigns
                        .find(finisher.campaignId())
                        .flatMap(campaign -> slots.settle(campaign, finisher))
                        .invoke(rank -> LOG.infof(
                                "settled prize outcome of %s in %s: %s",
                                finisher.shareCode(), finisher.campaignId(), rank)))
                .collect()
                .last()
                .flatMap(ignored -> campaigns.all())
                .invoke(all -> all.forEach(slots::track))
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("prize repair failed, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
