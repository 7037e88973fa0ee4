package io.jiasu.risk;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.platform.NotFound;
import io.jiasu.player.HelpAttempt;
import io.jiasu.player.Origin;
import io.jiasu.player.PlayerService;
import io.jiasu.player.PlayerSummary;
import io.jiasu.player.ReceivedHelp;
import io.jiasu.player.ReviewedPlayer;
import io.jiasu.player.RiskMarks;
import io.jiasu.player.Settlement;
import io.jiasu.prize.Review;
import io.jiasu.user.User;
import io.jiasu.user.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What operators review: one player with every help and its signals (the {@code newAccount} and {@code ring} signals
 * are computed here, from the record, never per help), the review queue (held helps, flagged players), and the
 * decision on a held help. A decision is exact: one guarded move from {@code HELD} wins, an approval applies the help
 * with the player's own guarded update (once per friend, never past the goal) and settles a finish in fair order
 * through {@link Settlement}; whoever decides again gets the decision that won. Decisions are counted in
 * {@code jiasu.risk.decisions}.
 */
@ApplicationScoped
public class ReviewService {
    private static final int QUEUE_HELD = 500;
    private static final int QUEUE_FLAGGED = 200;
    /** An approval still applying after this long was cut short (a crash); the next approval finishes it. */
    private static final Duration APPLY_SETTLES_IN = Duration.ofSeconds(30);

    private static final Duration DECISION_POLL = Duration.ofMillis(50);
    private static final int DECISION_POLLS = 60;

    private final RiskConfig config;
    private final HeldHelpStore held;
    private final FlagStore flags;
    private final RiskService risk;
    private final CampaignService campaigns;
    private final PlayerService players;
    private final UserService users;
    private final Settlement settlement;
    private final MeterRegistry metrics;
    private final Clock clock;

    ReviewService(
            RiskConfig config,
            HeldHelpStore held,
            FlagStore flags,
            RiskService risk,
            CampaignService campaigns,
            PlayerService players,
            UserService users,
            Settlement settlement,
            MeterRegistry metrics,
            Clock clock) {
        this.config = config;
        this.held = held;
        this.flags = flags;
        this.risk = risk;
        this.campaigns = campaigns;
        this.players = players;
        this.users = users;
        this.settlement = settlement;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** One player with every help received, counted or held, oldest first, each with the helper's card and risk. */
    public Uni<PlayerReview> player(String campaignId, String shareCode) {
        return campaigns
                .find(campaignId)
                .flatMap(campaign -> players.review(campaign, shareCode)
                        .flatMap(player -> held.ofPlayer(shareCode).flatMap(heldHelps -> {
                            Set<String> helperIds = new LinkedHashSet<>();
                            player.helps().forEach(help -> helperIds.add(help.helperId()));
                            heldHelps.forEach(help -> helperIds.add(help.helperId()));
                            return helpers(campaignId, player.userId(), helperIds)
                                    .flatMap(helpers -> users.accounts(List.of(player.userId()))
                                            .map(owner ->
                                                    review(player, heldHelps, helpers, owner.get(player.userId()))));
                        })));
    }

    /** The campaign's policy, the helps waiting for a decision (oldest first) and the flagged players (latest first). */
    public Uni<ReviewQueue> queue(String campaignId) {
        return campaigns
                .find(campaignId)
                .flatMap(campaign -> Uni.combine()
                        .all()
                        .unis(
                                risk.policy(campaignId),
                                held.waiting(campaignId, QUEUE_HELD),
                                flags.recent(campaignId, QUEUE_FLAGGED))
                        .asTuple()
                        .flatMap(found -> {
                            List<HeldHelp> waiting = found.getItem2();
                            List<FlagStore.Flagged> flagged = found.getItem3();
                            Set<String> codes = new LinkedHashSet<>();
                            waiting.forEach(help -> codes.add(help.shareCode()));
                            flagged.forEach(flag -> codes.add(flag.shareCode()));
                            return players.summaries(campaign, codes).flatMap(summaries -> {
                                Set<String> userIds = new HashSet<>();
                                summaries.values().forEach(summary -> userIds.add(summary.userId()));
                                waiting.forEach(help -> userIds.add(help.helperId()));
                                return Uni.combine()
                                        .all()
                                        .unis(
                                                users.accounts(userIds),
                                                players.shareCodesOf(
                                                        campaignId,
                                                        waiting.stream()
                                                                .map(HeldHelp::helperId)
                                                                .toList()))
                                        .with((accounts, helperCodes) -> new ReviewQueue(
                                                found.getItem1(),
                                                waiting.stream()
                                                        .map(help -> view(
                                                                help,
                                                                summaries.get(help.shareCode()),
                                                                accounts,
                                                                helperCodes))
                                                        .toList(),
                                                flagged.stream()
                                                        .map(flag -> flagged(flag, summaries, accounts, waiting))
                                                        .toList()));
                            });
                        }));
    }

    /**
     * Decides a held help once: APPROVED applies it (it may finish the player and take the next prize slot), REJECTED
     * discards it. Deciding a help that is decided already, either way, changes nothing and answers that decision.
     */
    public Uni<HeldHelpView> decide(String campaignId, String id, Review decision, String by) {
        Instant now = clock.instant();
        HeldHelp.State to = decision == Review.APPROVED ? HeldHelp.State.APPROVING : HeldHelp.State.REJECTED;
        return campaigns
                .find(campaignId)
                .flatMap(campaign -> held.find(campaignId, id)
                        .onItem()
                        .ifNull()
                        .failWith(() -> new NotFound("No such held help."))
                        .flatMap(found -> held.move(id, HeldHelp.State.HELD, null, to, by, now))
                        .flatMap(moved -> {
                            if (moved == null) {
                                return settled(campaign, id, by, DECISION_POLLS);
                            }
                            metrics.counter(
                                            "jiasu.risk.decisions",
                                            "decision",
                                            decision.name().toLowerCase(Locale.ROOT))
                                    .increment();
                            return moved.state() == HeldHelp.State.APPROVING
                                    ? apply(campaign, moved)
                                    : Uni.createFrom().item(moved);
                        })
                        .flatMap(decided -> present(campaign, decided)));
    }

    /**
     * The decision another request made: waits while it is being applied (up to 3 s), and finishes an approval cut
     * short by a crash (still applying after {@link #APPLY_SETTLES_IN}).
     */
    private Uni<HeldHelp> settled(Campaign campaign, String id, String by, int pollsLeft) {
        return held.find(campaign.id(), id).flatMap(help -> {
            if (help.state() != HeldHelp.State.APPROVING || pollsLeft == 0) {
                return Uni.createFrom().item(help);
            }
            Instant now = clock.instant();
            if (help.decidedAt().isBefore(now.minus(APPLY_SETTLES_IN))) {
                return held.move(id, HeldHelp.State.APPROVING, help.decidedAt(), HeldHelp.State.APPROVING, by, now)
                        .flatMap(taken ->
                                taken == null ? settled(campaign, id, by, pollsLeft - 1) : apply(campaign, taken));
            }
            return Uni.createFrom()
                    .voidItem()
                    .onItem()
                    .delayIt()
                    .by(DECISION_POLL)
                    .flatMap(ignored -> settled(campaign, id, by, pollsLeft - 1));
        });
    }

    /**
     * Applies an approved help through the player's guarded update, marked with the held help's id; a finish is
     * settled before the outcome is written. A help found already applied from this same held help (an approval cut
     * short after the update) counts as applied.
     */
    private Uni<HeldHelp> apply(Campaign campaign, HeldHelp help) {
        RiskMarks marks = new RiskMarks(help.rank(), help.signals(), help.id());
        return players.ownerOf(campaign.id(), help.shareCode())
                .flatMap(owner -> players.recordHelp(
                        campaign,
                        help.shareCode(),
                        owner,
                        help.helperId(),
                        clock.instant(),
                        new Origin(null, help.scene(), null),
                        marks))
                .flatMap(attempt -> {
                    if (attempt instanceof HelpAttempt.Recorded recorded) {
                        int count = recorded.helpCount();
                        Uni<Integer> prize = recorded.finished()
                                ? settlement.settle(campaign, recorded.finisher())
                                : Uni.createFrom().nullItem();
                        return prize.map(rank -> new Applied(
                                true,
                                null,
                                campaign.amountOfHelp(count),
                                campaign.progressAfter(count),
                                recorded.finished(),
                                rank));
                    }
                    HelpAttempt.Refusal refusal = ((HelpAttempt.Refused) attempt).reason();
                    return refusal == HelpAttempt.Refusal.ALREADY_HELPED
                            ? appliedBefore(campaign, help)
                            : Uni.createFrom().item(new Applied(false, code(refusal), null, null, false, null));
                })
                .flatMap(outcome -> held.approved(help.id(), outcome))
                .flatMap(done -> done != null ? Uni.createFrom().item(done) : held.find(campaign.id(), help.id()));
    }

    /** The outcome of a help the guard found already given: counted if it came from this held help, else refused. */
    private Uni<Applied> appliedBefore(Campaign campaign, HeldHelp help) {
        return players.review(campaign, help.shareCode())
                .map(player -> player.helps().stream()
                        .filter(given -> given.helperId().equals(help.helperId())
                                && help.id().equals(given.heldId()))
                        .findFirst()
                        .map(given -> new Applied(
                                true,
                                null,
                                given.amount(),
                                campaign.progressAfter(given.n()),
                                given.n() == campaign.helpsToGoal(),
                                given.n() == campaign.helpsToGoal() ? player.prizeRank() : null))
                        .orElse(new Applied(false, code(HelpAttempt.Refusal.ALREADY_HELPED), null, null, false, null)));
    }

    private static String code(HelpAttempt.Refusal refusal) {
        return switch (refusal) {
            case ALREADY_HELPED -> "ALREADY_BOOSTED";
            case GOAL_REACHED -> "GOAL_REACHED";
            case NO_SUCH_PLAYER, OWN_PLAYER -> "NOT_FOUND";
        };
    }

    /** A decided (or pending) help as the queue shows it, with the player's and the helper's faces. */
    private Uni<HeldHelpView> present(Campaign campaign, HeldHelp help) {
        return players.summaries(campaign, List.of(help.shareCode())).flatMap(summaries -> {
            PlayerSummary player = summaries.get(help.shareCode());
            List<String> ids = player == null ? List.of(help.helperId()) : List.of(help.helperId(), player.userId());
            return Uni.combine()
                    .all()
                    .unis(users.accounts(ids), players.shareCodesOf(campaign.id(), List.of(help.helperId())))
                    .with((accounts, helperCodes) -> view(help, player, accounts, helperCodes));
        });
    }

    private HeldHelpView view(
            HeldHelp help, PlayerSummary player, Map<String, User> accounts, Map<String, String> helperCodes) {
        User owner = player == null ? null : accounts.get(player.userId());
        return new HeldHelpView(
                help.id(),
                help.shareCode(),
                owner == null ? null : new Face(owner.nickname(), owner.avatarUrl()),
                card(accounts.get(help.helperId()), helperCodes.get(help.helperId())),
                help.at(),
                help.scene(),
                new Risk(help.rank(), help.signals()),
                help.state().name(),
                help.decidedBy(),
                help.decidedAt(),
                help.outcome());
    }

    private static FlaggedPlayer flagged(
            FlagStore.Flagged flag,
            Map<String, PlayerSummary> summaries,
            Map<String, User> accounts,
            List<HeldHelp> waiting) {
        PlayerSummary player = summaries.get(flag.shareCode());
        User owner = player == null ? null : accounts.get(player.userId());
        int pending = (int) waiting.stream()
                .filter(help -> help.shareCode().equals(flag.shareCode()))
                .count();
        return new FlaggedPlayer(
                flag.shareCode(),
                owner == null ? null : owner.nickname(),
                owner == null ? null : owner.avatarUrl(),
                player == null ? null : player.run().progress(),
                player == null ? null : player.run().helpers(),
                pending,
                flag.counts(),
                flag.lastAt());
    }

    /**
     * The helpers of a player as review needs them: their accounts, their own players in the campaign, and which of
     * those players the owner helped back (the ring).
     */
    private Uni<Helpers> helpers(String campaignId, String ownerId, Collection<String> helperIds) {
        return Uni.combine()
                .all()
                .unis(users.accounts(helperIds), players.shareCodesOf(campaignId, helperIds))
                .asTuple()
                .flatMap(found -> {
                    Map<String, String> codes = found.getItem2();
                    return (codes.isEmpty()
                                    ? Uni.createFrom().item(Set.<String>of())
                                    : players.helpedBy(codes.values(), ownerId))
                            .map(helpedBack -> new Helpers(found.getItem1(), codes, helpedBack));
                });
    }

    /** The helpers' accounts and players by user id, and the share codes among them the owner helped. */
    private record Helpers(Map<String, User> accounts, Map<String, String> codes, Set<String> helpedBack) {
        boolean mutual(String helperId) {
            String code = codes.get(helperId);
            return code != null && helpedBack.contains(code);
        }
    }

    private PlayerReview review(ReviewedPlayer player, List<HeldHelp> heldHelps, Helpers helpers, User owner) {
        List<ReviewedHelp> helps = new ArrayList<>();
        for (ReceivedHelp help : player.helps()) {
            helps.add(new ReviewedHelp(
                    help.n(),
                    help.heldId(),
                    "COUNTED",
                    help.amount(),
                    help.at(),
                    help.scene(),
                    help.group(),
                    card(
                            helpers.accounts().get(help.helperId()),
                            helpers.codes().get(help.helperId())),
                    new Risk(help.rank(), signals(help.signals(), help.helperId(), help.at(), helpers))));
        }
        for (HeldHelp help : heldHelps) {
            helps.add(new ReviewedHelp(
                    null,
                    help.id(),
                    help.state().name(),
                    help.outcome() == null ? null : help.outcome().amount(),
                    help.at(),
                    help.scene(),
                    null,
                    card(
                            helpers.accounts().get(help.helperId()),
                            helpers.codes().get(help.helperId())),
                    new Risk(help.rank(), signals(help.signals(), help.helperId(), help.at(), helpers))));
        }
        int mutual = (int) player.helps().stream()
                .map(ReceivedHelp::helperId)
                .distinct()
                .filter(helpers::mutual)
                .count();
        Set<String> all = helps.stream()
                .flatMap(help -> help.risk().signals().stream())
                .filter(signal -> !signal.equals(Signal.RING) || mutual >= config.ringMin())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        int waiting = (int) heldHelps.stream()
                .filter(help -> help.state() == HeldHelp.State.HELD || help.state() == HeldHelp.State.APPROVING)
                .count();
        return new PlayerReview(
                player.shareCode(),
                owner == null ? null : owner.nickname(),
                owner == null ? null : owner.avatarUrl(),
                player.run(),
                player.prizeRank(),
                users.isBanned(player.userId()),
                player.invitedBy(),
                player.invited(),
                waiting,
                List.copyOf(all),
                mutual,
                helps);
    }

    /** The signals stored with a help, and those only the record can tell: a brand-new account that left, a ring. */
    private List<String> signals(List<String> stored, String helperId, Instant at, Helpers helpers) {
        User helper = helpers.accounts().get(helperId);
        boolean joined = helpers.codes().containsKey(helperId);
        boolean brandNew = helper != null && !joined && helper.createdAt().isAfter(at.minus(config.newAccountAge()));
        return Stream.concat(
                        stored.stream(),
                        Stream.of(brandNew ? Signal.NEW_ACCOUNT : null, helpers.mutual(helperId) ? Signal.RING : null))
                .filter(signal -> signal != null)
                .toList();
    }

    private static HelperCard card(User helper, String shareCode) {
        return helper == null
                ? new HelperCard(null, null, shareCode, null)
                : new HelperCard(helper.nickname(), helper.avatarUrl(), shareCode, helper.createdAt());
    }
}
