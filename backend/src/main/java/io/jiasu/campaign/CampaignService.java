package io.jiasu.campaign;

import io.jiasu.platform.NotFound;
import io.jiasu.platform.Validation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Campaign definitions, their window and their prize slots. Reads on the request path come from a cache that is at
 * most a second old; rule changes that matter for correctness (goal, schedule, prize total) are re-checked by the
 * guarded updates in the store, never by the cache.
 */
@ApplicationScoped
public class CampaignService {
    private final CampaignStore store;
    private final Validation validation;
    private final Cache cache;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<String, AtomicInteger> stock = new ConcurrentHashMap<>();

    CampaignService(
            CampaignStore store,
            Validation validation,
            @CacheName("campaigns") Cache cache,
            Clock clock,
            MeterRegistry metrics) {
        this.store = store;
        this.validation = validation;
        this.cache = cache;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A published campaign, or NOT_FOUND: nothing about an unpublished campaign is served. */
    public Uni<Campaign> published(String id) {
        return cache.<String, Campaign>getAsync(
                        id, key -> store.find(key).onItem().ifNull().failWith(() -> new NotFound("No such campaign.")))
                .invoke(this::trackStock)
                .invoke(campaign -> {
                    if (!campaign.published()) {
                        throw new NotFound("No such campaign.");
                    }
                });
    }

    public Uni<CampaignView> view(String id) {
        return published(id).map(campaign -> CampaignView.of(campaign, clock.instant()));
    }

    /** Any campaign, published or not, fresh from the store: for operators. */
    public Uni<Campaign> find(String id) {
        return store.find(id)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No such campaign."))
                .invoke(this::trackStock);
    }

    public Uni<List<Campaign>> all() {
        return store.findAll().invoke(campaigns -> campaigns.forEach(this::trackStock));
    }

    /**
     * Creates or replaces a campaign once its definition keeps every rule on it (VALIDATION_FAILED otherwise); goal
     * and schedule are frozen once anyone has joined (CAMPAIGN_LOCKED).
     */
    public Uni<Campaign> define(String id, CampaignDefinition definition) {
        return Uni.createFrom()
                .item(() -> validation.valid(definition))
                .flatMap(valid -> store.define(id, valid, clock.instant()))
                .call(saved -> cache.invalidate(id))
                .invoke(this::trackStock);
    }

    /** Freezes goal and schedule; called before the first player is stored. */
    public Uni<Void> lockRules(Campaign campaign) {
        if (campaign.locked()) {
            return Uni.createFrom().voidItem();
        }
        return store.lockRules(campaign.id()).call(() -> cache.invalidate(campaign.id()));
    }

    /**
     * Takes the next prize slot for a player who just reached the goal. Idempotent: a retry returns the rank the first
     * attempt took. Null when all prizes are gone.
     */
    public Uni<Integer> takePrizeSlot(Campaign campaign, String shareCode, String userId, Instant finishedAt) {
        return store.takePrizeSlot(campaign.id(), campaign.prizeTotal(), shareCode, userId, finishedAt)
                .invoke(rank -> {
                    if (rank != null) {
                        metrics.counter("jiasu.prize.taken", "campaign", campaign.id())
                                .increment();
                        gauge(campaign.id()).accumulateAndGet(campaign.prizeTotal() - rank, Math::min);
                    }
                });
    }

    /** Winners in rank order, read from the record. */
    public Uni<List<Winner>> winners(String id) {
        return store.winners(id).map(CampaignStore.Slots::winners);
    }

    private void trackStock(Campaign campaign) {
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
