package io.jiasu.prize;

import io.jiasu.campaign.Campaign;
import io.jiasu.leaderboard.LeaderboardService;
import io.jiasu.leaderboard.Standing;
import io.jiasu.player.Finisher;
import io.jiasu.player.PlayerService;
import io.jiasu.player.Settlement;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The finish order and prize slots: the first prizeTotal players to reach the goal hold ranks 1..prizeTotal in
 * arrival order, the arrival order being decided at one point, the campaign document ({@link PrizeSlotStore}).
 * Settling a finisher takes their place in that order and their slot (or finds the one taken before), writes the
 * outcome, finish sequence and serialised finish time on the player, puts them on the
 * board with it and announces {@link PlayerFinished}; observers (the subscribe message) must not block and must not
 * fail the caller. Every step may be repeated, which is how a crash in between is repaired ({@link PrizeRepair}).
 * Slots taken are counted in {@code jiasu.prize.taken}, stock left in {@code jiasu.prize.remaining}.
 */
@ApplicationScoped
public class SlotService implements Settlement {
    private final PrizeSlotStore store;
    private final PlayerService players;
    private final LeaderboardService boards;
    private final Event<PlayerFinished> finishes;
    private final MeterRegistry metrics;
    private final Map<String, AtomicInteger> stock = new ConcurrentHashMap<>();

    SlotService(
            PrizeSlotStore store,
            PlayerService players,
            LeaderboardService boards,
            Event<PlayerFinished> finishes,
            MeterRegistry metrics) {
        this.store = store;
        this.players = players;
        this.boards = boards;
        this.finishes = finishes;
        this.metrics = metrics;
    }

    @Override
    public Uni<Integer> settle(Campaign campaign, Finisher finisher) {
        return store.take(campaign.id(), campaign.prizeTotal(), finisher)
                .invoke(finish -> {
                    if (finish.rank() != null) {
                        metrics.counter("jiasu.prize.taken", "campaign", campaign.id())
                                .increment();
                        gauge(campaign.id()).accumulateAndGet(campaign.prizeTotal() - finish.rank(), Math::min);
                    }
                })
                .call(finish -> players.settlePrize(
                        finisher.shareCode(), finish.rank(), finish.sequence(), finish.finishedAt()))
                .call(finish -> boards.record(
                        campaign,
                        new Standing(
                                finisher.shareCode(),
                                campaign.goal(),
                                finish.finishedAt(),
                                finish.rank(),
                                finish.sequence())))
                .invoke(finish -> finishes.fire(new PlayerFinished(
                        campaign, finisher.shareCode(), finisher.userId(), finish.rank(), finish.finishedAt())))
                .map(PrizeSlotStore.Finish::rank);
    }

    /** Winners in rank order, read from the record. */
    Uni<List<Winner>> winners(String campaignId) {
        return store.winners(campaignId);
    }

    /** Shows the campaign's prize stock as read from the record in {@code jiasu.prize.remaining}. */
    public void track(Campaign campaign) {
        gauge(campaign.id()).set(campaign.prizeRemaining());
    }

    private AtomicInteger gauge(String campaignId) {
        return stock.computeIfAbsent(campaignId, id -> {
            AtomicInteger remaining = new AtomicInteger();
            Gauge.builder("jiasu.prize.remaining", remaining, AtomicInteger::get)
                    .description("Prizes not yet taken")
                    .tag("campaign", id)
                    .register(metrics);
            return remaining;
        });
    }
}
