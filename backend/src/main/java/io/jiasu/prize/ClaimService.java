package io.jiasu.prize;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.platform.ApiException;
import io.jiasu.platform.NotFound;
import io.jiasu.platform.Validation;
import io.jiasu.player.PlayerService;
import io.jiasu.player.PlayerView;
import io.jiasu.user.ContentRisky;
import io.jiasu.user.UserService;
import io.jiasu.wechat.WechatClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Prize claims: only prize holders, only until the claim deadline, checked fields, free text through WeChat content
 * security, personal data sealed before it is stored. If content security does not answer in time the claim is
 * stored flagged for an operator (PENDING), never dropped and never passed unseen. Counted in
 * {@code jiasu.prize.claims} by outcome.
 */
@ApplicationScoped
public class ClaimService {
    private static final Logger LOG = Logger.getLogger(ClaimService.class);

    private final CampaignService campaigns;
    private final PlayerService players;
    private final UserService users;
    private final WechatClient wechat;
    private final ClaimStore store;
    private final ClaimCipher cipher;
    private final ClaimConfig config;
    private final Validation validation;
    private final Clock clock;
    private final MeterRegistry metrics;

    ClaimService(
            CampaignService campaigns,
            PlayerService players,
            UserService users,
            WechatClient wechat,
            ClaimStore store,
            ClaimCipher cipher,
            ClaimConfig config,
            Validation validation,
            Clock clock,
            MeterRegistry metrics) {
        this.campaigns = campaigns;
        this.players = players;
        this.users = users;
        this.wechat = wechat;
        this.store = store;
        this.cipher = cipher;
        this.config = config;
        this.validation = validation;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Stores (or replaces) the caller's claim and answers it masked. */
    Uni<ClaimView> submit(String campaignId, String userId, ClaimRequest request) {
        Instant now = clock.instant();
        return campaigns
                .published(campaignId)
                .flatMap(campaign ->
                        players.me(campaignId, userId).map(player -> requireClaimable(campaign, player, now)))
                .flatMap(player -> {
                    // checked after the prize rules, so a non-winner hears NOT_WINNER, and counted like every refusal
                    validation.valid(request);
                    PersonalData data = request.data();
                    return screen(userId, data).flatMap(review -> {
                        Claim claim = new Claim(
                                player.shareCode(),
                                campaignId,
                                userId,
                                player.prizeRank(),
                                cipher.seal(data, player.shareCode()),
                                review,
                                now);
                        return store.put(claim)
                                .invoke(() -> players.changedMine(campaignId, userId))
                                .map(ignored -> ClaimView.of(claim, data));
                    });
                })
                .onItemOrFailure()
                .invoke((view, failure) -> metrics.counter("jiasu.prize.claims", "outcome", outcome(view, failure))
                        .increment());
    }

    /** The caller's stored claim, masked. */
    Uni<ClaimView> mine(String campaignId, String userId) {
        return players.me(campaignId, userId)
                .flatMap(player -> store.find(player.shareCode()))
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No claim has been sent."))
                .map(claim -> ClaimView.of(claim, cipher.open(claim.sealed(), claim.shareCode())));
    }

    /** How many claims a campaign has, and how many wait for an operator. */
    public Uni<ClaimCounts> counts(String campaignId) {
        return store.counts(campaignId);
    }

    /** An operator's decision on a claim content security could not judge; NOT_FOUND when none is pending. */
    public Uni<Review> review(String campaignId, String shareCode, Review decision) {
        return store.review(campaignId, shareCode, decision, clock.instant())
                .invoke(claim -> {
                    if (claim == null) {
                        throw new NotFound("No claim of this player is waiting for review.");
                    }
                    players.changedMine(campaignId, claim.userId()); // claimed in players/me
                })
                .map(Claim::review);
    }

    /** Re-seals every claim not under the current key, so the old key can be dropped; answers how many moved. */
    public Uni<Long> rekey() {
        return store.sealedWithOtherThan(cipher.currentKeyId())
                .onItem()
                .transformToUniAndConcatenate(claim -> store.reseal(
                        claim, cipher.seal(cipher.open(claim.sealed(), claim.shareCode()), claim.shareCode())))
                .filter(Boolean::booleanValue)
                .collect()
                .with(Collectors.counting());
    }

    private static PlayerView requireClaimable(Campaign campaign, PlayerView player, Instant now) {
        if (player.prizeRank() == null) {
            throw new NotWinner();
        }
        if (now.isAfter(campaign.claimDeadline())) {
            throw new ClaimClosed();
        }
        return player;
    }

    /** CLEAR when content security passes the free text, CONTENT_RISKY when it refuses, PENDING when it can't say. */
    private Uni<Review> screen(String userId, PersonalData data) {
        return users.user(userId)
                .flatMap(user -> wechat.isTextSafe(user.openid(), data.name() + "\n" + data.address()))
                .ifNoItem()
                .after(config.contentCheckTimeout())
                .fail()
                .map(safe -> {
                    if (!safe) {
                        throw new ContentRisky();
                    }
                    return Review.CLEAR;
                })
                .onFailure(e -> !(e instanceof ContentRisky))
                .recoverWithItem(e -> {
                    LOG.warnf(
                            "content security gave no verdict on a claim, stored for review: %s",
                            e.getClass().getSimpleName());
                    return Review.PENDING;
                });
    }

    private static String outcome(ClaimView view, Throwable failure) {
        return ApiException.outcome(failure, view != null && view.review() == Review.PENDING ? "flagged" : "stored");
    }
}
