package io.jiasu.campaign;

import io.jiasu.platform.NotFound;
import io.jiasu.platform.Snapshots;
import io.jiasu.platform.Validation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Campaign definitions, their window and their schedule. Reads on the request path come from an in-process snapshot
 * of each campaign at most a second old ({@link Snapshots}: one load per campaign and second, a client that hangs up
 * never fails the others waiting on the same load); rule changes that matter for correctness (goal, schedule, prize
 * total) are re-checked by the guarded updates in the stores, never by the snapshot.
 */
@ApplicationScoped
public class CampaignService {
    /** How old a campaign read on the request path may be: an operator's change shows on every instance within it. */
    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    /** Campaigns kept: far more than ever run at once. */
    private static final long KEPT = 10_000;

    private final CampaignStore store;
    private final Validation validation;
    private final Snapshots<String, Campaign> cache = Snapshots.expiringAfterWrite(MAX_AGE, KEPT);
    private final Clock clock;

    CampaignService(CampaignStore store, Validation validation, Clock clock) {
        this.store = store;
        this.validation = validation;
        this.clock = clock;
    }

    /** A published campaign, or NOT_FOUND: nothing about an unpublished campaign is served. */
    public Uni<Campaign> published(String id) {
        return cache.get(id, key -> store.find(key).onItem().ifNull().failWith(() -> new NotFound("No such campaign.")))
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
        return store.find(id).onItem().ifNull().failWith(() -> new NotFound("No such campaign."));
    }

    public Uni<List<Campaign>> all() {
        return store.findAll();
    }

    /**
     * Creates or replaces a campaign once its definition keeps every rule on it (VALIDATION_FAILED otherwise); goal
     * and schedule are frozen once anyone has joined (CAMPAIGN_LOCKED).
     */
    public Uni<Campaign> define(String id, CampaignDefinition definition) {
        return Uni.createFrom()
                .item(() -> validation.valid(definition))
                .flatMap(valid -> store.define(id, valid, clock.instant()))
                .invoke(saved -> cache.forget(id));
    }

    /** Freezes goal and schedule; called before the first player is stored. */
    public Uni<Void> lockRules(Campaign campaign) {
        if (campaign.locked()) {
            return Uni.createFrom().voidItem();
        }
        return store.lockRules(campaign.id()).invoke(() -> cache.forget(campaign.id()));
    }
}
