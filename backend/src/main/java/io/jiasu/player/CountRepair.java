package io.jiasu.player;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Recounts the operators' counts from the record on a schedule ({@code jiasu.player.counts-recount-every}), so a
 * count a crash lost between a write and its counter is back within the bound: each started campaign, up to the start
 * of the slot {@code jiasu.player.counts-settle} ago (every write stamped before it has landed), by one instance at a
 * time (a lease on the campaign's counts document). A campaign counted past its end is not recounted again.
 */
@ApplicationScoped
class CountRepair {
    private static final Logger LOG = Logger.getLogger(CountRepair.class);

    private final CampaignService campaigns;
    private final PlayerStore players;
    private final CountStore counts;
    private final Duration settle;
    private final Duration lease;
    private final Clock clock;

    CountRepair(CampaignService campaigns, PlayerStore players, CountStore counts, PlayerConfig config, Clock clock) {
        this.campaigns = campaigns;
        this.players = players;
        this.counts = counts;
        this.settle = config.countsSettle();
        this.lease = config.countsLease();
        this.clock = clock;
    }

    @Scheduled(
            every = "${jiasu.player.counts-recount-every}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recountAll() {
        Instant now = clock.instant();
        Instant settled = counts.slotStart(now.minus(settle));
        return campaigns
                .all()
                .onItem()
                .transformToMulti(all -> Multi.createFrom().iterable(all))
                .filter(campaign -> campaign.startsAt().isBefore(settled))
                .onItem()
                .transformToUniAndConcatenate(campaign -> recountDue(campaign, settled)
                        .onFailure()
                        .invoke(e -> LOG.warnf(
                                "operators' counts of %s not recounted, will retry: %s", campaign.id(), e.toString()))
                        .onFailure()
                        .recoverWithItem(false))
                .collect()
                .last()
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("operators' counts not recounted, will retry: %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    /**
     * Recounts a campaign up to {@code settled}, or once it ended up to the first slot after its end (what comes later,
     * a late approval of a held help, stays with the counters), unless that is done already.
     */
    private Uni<Boolean> recountDue(Campaign campaign, Instant settled) {
        Instant end = counts.slotStart(campaign.endsAt()).plus(counts.slot());
        Instant upTo = settled.isBefore(end) ? settled : end;
        return counts.recountedUpTo(campaign.id())
                .flatMap(done -> done.isBefore(upTo)
                        ? recount(campaign.id(), upTo)
                        : Uni.createFrom().item(false));
    }

    /**
     * Counts the record of a campaign before {@code upTo} (the start of a slot) and stores it as the campaign's base,
     * if this instance gets the lease; true when it was stored. Writes stamped before {@code upTo} must be in the
     * record by now: the schedule asks only for instants {@code jiasu.player.counts-settle} ago.
     */
    Uni<Boolean> recount(String campaignId, Instant upTo) {
        Instant boundary = counts.slotStart(upTo);
        Instant now = clock.instant();
        return counts.lease(campaignId, boundary, now, now.plus(lease))
                .flatMap(slots -> slots == null
                        ? Uni.createFrom().item(false)
                        : players.countsBefore(campaignId, boundary)
                                .flatMap(base -> counts.rebase(campaignId, boundary, base, slots, clock.instant()))
                                .onFailure()
                                .call(() -> counts.release(campaignId)));
    }
}
