package io.jiasu.boost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.platform.ApiException;
import io.jiasu.platform.Forbidden;
import io.jiasu.platform.NotFound;
import io.jiasu.player.HelpAttempt;
import io.jiasu.player.Origin;
import io.jiasu.player.PlayerService;
import io.jiasu.prize.SlotService;
import io.jiasu.risk.Held;
import io.jiasu.risk.RiskService;
import io.jiasu.user.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The rules of a friend's help: the campaign is live, nobody helps themselves or a banned player, each friend helps a
 * player once, nobody is helped past the goal, a helper helps at most dailyHelpLimit players a day, a retried request
 * answers as the first did, and the help that reaches the goal takes the next prize. The player's document enforces
 * the once-per-friend, self and goal rules atomically (one guarded update, {@link HelpAttempt}); this class says what
 * each refusal means.
 *
 * <p>MongoDB is the record of helps and prizes. The daily limit lives in Redis (kept with AOF in production): a slot
 * is reserved before the help and given back if the help is refused; a slot left behind by a crash between the two
 * is found and given back when the helper next hits the limit ({@link #repairDailySlots}).
 */
@ApplicationScoped
class BoostService {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,64}");
    private static final Duration RESERVATION_SETTLES_IN = Duration.ofSeconds(30);
    private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(50);
    private static final int IN_FLIGHT_POLLS = 60;

    private final CampaignService campaigns;
    private final PlayerService players;
    private final UserService users;
    private final SlotService slots;
    private final DailyHelpStore daily;
    private final IdempotencyStore answers;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final RiskService risk;

    BoostService(
            CampaignService campaigns,
            PlayerService players,
            UserService users,
            SlotService slots,
            DailyHelpStore daily,
            IdempotencyStore answers,
            ObjectMapper json,
            Clock clock,
            MeterRegistry metrics,
            RiskService risk) {
        this.campaigns = campaigns;
        this.players = players;
        this.users = users;
        this.slots = slots;
        this.daily = daily;
        this.answers = answers;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.risk = risk;
    }

    /**
     * Helps a player. With an idempotency key, a retry of the same request (same helper, player and key) gets
     * exactly the first answer, success or refusal, and never helps twice.
     */
    Uni<BoostResult> help(
            String campaignId,
            String shareCode,
            String helperId,
            String idempotencyKey,
            Origin origin,
            String address) {
        if (idempotencyKey == null) {
            return decide(campaignId, shareCode, helperId, origin, address);
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Uni.createFrom().failure(new BadIdempotencyKey());
        }
        String scope = String.join(":", helperId, campaignId, shareCode, idempotencyKey);
        // nothing is kept for a campaign or a player that does not exist: a stranger can't fill Redis with keys
        return campaigns
                .published(campaignId)
                .call(campaign -> requireHelpable(campaignId, shareCode, helperId))
                .flatMap(campaign -> answers.claim(scope))
                .flatMap(previous -> previous == null
                        ? decide(campaignId, shareCode, helperId, origin, address)
                                .call(result -> answers.remember(scope, write(new Answer(result, null))))
                                .onFailure(ApiException.class)
                                .call(e -> ((ApiException) e).status() < 500
                                        ? answers.remember(scope, write(new Answer(null, ((ApiException) e).problem())))
                                        : answers.forget(scope))
                                .onFailure(e -> !(e instanceof ApiException))
                                .call(e -> answers.forget(scope))
                        : replay(scope, previous, IN_FLIGHT_POLLS));
    }

    private Uni<BoostResult> replay(String scope, String stored, int pollsLeft) {
        if (stored == null) {
            return Uni.createFrom().failure(new RequestInProgress());
        }
        if (!IdempotencyStore.PENDING.equals(stored)) {
            return Uni.createFrom().item(() -> read(stored).replay());
        }
        if (pollsLeft == 0) {
            return Uni.createFrom().failure(new RequestInProgress());
        }
        return Uni.createFrom()
                .voidItem()
                .onItem()
                .delayIt()
                .by(IN_FLIGHT_POLL)
                .flatMap(ignored -> answers.read(scope))
                .flatMap(next -> replay(scope, next, pollsLeft - 1));
    }

    private Uni<BoostResult> decide(
            String campaignId, String shareCode, String helperId, Origin origin, String address) {
        Instant now = clock.instant();
        return campaigns
                .published(campaignId)
                .invoke(campaign -> campaign.requireLive(now))
                .call(campaign -> requireHelpable(campaignId, shareCode, helperId))
                // the risk step: a refused help fails here, before a daily slot is spent
                .flatMap(campaign -> risk.judge(campaign, shareCode, helperId, address)
                        .flatMap(verdict -> verdict.held()
                                ? withDailySlot(
                                        campaign,
                                        shareCode,
                                        helperId,
                                        now,
                                        () -> risk.hold(campaign, shareCode, helperId, now, origin, verdict)
                                                .map(BoostService::held))
                                : withDailySlot(
                                                campaign,
                                                shareCode,
                                                helperId,
                                                now,
                                                () -> players.recordHelp(
                                                                campaign,
                                                                shareCode,
                                                                helperId,
                                                                now,
                                                                origin,
                                                                verdict.marks())
                                                        .map(BoostService::accepted))
                                        .call(help -> risk.counted(campaignId, shareCode, verdict, now))
                                        .flatMap(help -> result(campaign, help))))
                .onItemOrFailure()
                .invoke((result, failure) -> {
                    String accepted = result != null && result.held() ? "held" : "accepted";
                    metrics.counter("jiasu.boost.helps", "outcome", ApiException.outcome(failure, accepted))
                            .increment();
                    if (failure == null && !result.held()) {
                        // per campaign, for the operators' helps-per-minute: rate(jiasu_boost_accepted_total[1m]) * 60
                        metrics.counter("jiasu.boost.accepted", "campaign", campaignId)
                                .increment();
                    }
                });
    }

    /**
     * Refuses what the share code alone rules out, before a daily slot is spent: an unknown player (NOT_FOUND),
     * helping yourself (SELF_BOOST), or a player whose user is banned (FORBIDDEN).
     */
    private Uni<Void> requireHelpable(String campaignId, String shareCode, String helperId) {
        return players.ownerOf(campaignId, shareCode)
                .invoke(owner -> {
                    if (owner.equals(helperId)) {
                        throw new SelfBoost();
                    }
                    if (users.isBanned(owner)) {
                        throw new Forbidden("This player has been disqualified.");
                    }
                })
                .replaceWithVoid();
    }

    /** Records the help under a daily slot, giving the slot back when the help is refused or fails. */
    private <T> Uni<T> withDailySlot(
            Campaign campaign, String shareCode, String helperId, Instant now, Supplier<Uni<T>> help) {
        LocalDate day = campaign.dayOf(now);
        return reserve(campaign, shareCode, helperId, day, now, true)
                .flatMap(reservation -> help.get()
                        .onFailure()
                        .call(e -> reservation == DailyHelpStore.Reservation.TAKEN
                                ? daily.release(campaign.id(), helperId, day, shareCode)
                                : Uni.createFrom().voidItem()));
    }

    /**
     * The help that reached the goal takes its prize before answering: the first prizeTotal players to get there
     * hold ranks 1..prizeTotal.
     */
    private Uni<BoostResult> result(Campaign campaign, HelpAttempt.Recorded help) {
        int helps = help.helpCount();
        Uni<Integer> prize = help.finished()
                ? slots.settle(campaign, help.finisher())
                : Uni.createFrom().nullItem();
        return prize.map(rank -> new BoostResult(
                campaign.amountOfHelp(helps),
                campaign.progressAfter(helps),
                campaign.goal(),
                help.finished(),
                rank,
                false));
    }

    /** A recorded help, or the API's answer to the rule the player's document refused it by. */
    private static HelpAttempt.Recorded accepted(HelpAttempt attempt) {
        if (attempt instanceof HelpAttempt.Recorded recorded) {
            return recorded;
        }
        throw refused(((HelpAttempt.Refused) attempt).reason());
    }

    /** A held help: it adds nothing, the player's run is as it was; or the answer to the rule that refused it. */
    private static BoostResult held(Held held) {
        if (held.refusal() != null) {
            throw refused(held.refusal());
        }
        return new BoostResult(0, held.run().progress(), held.run().goal(), false, null, true);
    }

    private static ApiException refused(HelpAttempt.Refusal refusal) {
        return switch (refusal) {
            case NO_SUCH_PLAYER -> new NotFound("No such player.");
            case OWN_PLAYER -> new SelfBoost();
            case ALREADY_HELPED -> new AlreadyBoosted();
            case GOAL_REACHED -> new GoalReached();
        };
    }

    private Uni<DailyHelpStore.Reservation> reserve(
            Campaign campaign, String shareCode, String helperId, LocalDate day, Instant now, boolean mayRepair) {
        return daily.reserve(campaign.id(), helperId, day, shareCode, campaign.dailyHelpLimit(), now)
                .flatMap(reservation -> {
                    if (reservation != DailyHelpStore.Reservation.FULL) {
                        return Uni.createFrom().item(reservation);
                    }
                    if (!mayRepair) {
                        return Uni.createFrom()
                                .failure(new DailyLimitReached(
                                        campaign.dailyHelpLimit(), campaign.secondsToNextDay(now)));
                    }
                    return repairDailySlots(campaign.id(), helperId, day, now)
                            .flatMap(freed -> freed
                                    ? reserve(campaign, shareCode, helperId, day, now, false)
                                    : Uni.createFrom()
                                            .failure(new DailyLimitReached(
                                                    campaign.dailyHelpLimit(), campaign.secondsToNextDay(now))));
                });
    }

    /**
     * Gives back slots whose help never reached MongoDB (the process died between reserving and helping; a held help
     * did reach it, in the risk feature's record). Only
     * slots older than a request can take are looked at, so a help still in flight keeps its slot. True if any
     * slot was freed.
     */
    private Uni<Boolean> repairDailySlots(String campaignId, String helperId, LocalDate day, Instant now) {
        return daily.reservedBefore(campaignId, helperId, day, now.minus(RESERVATION_SETTLES_IN))
                .flatMap(codes -> codes.isEmpty()
                        ? Uni.createFrom().item(Set.<String>of())
                        : Uni.combine()
                                .all()
                                .unis(players.helpedBy(codes, helperId), risk.heldBy(codes, helperId))
                                .with((helped, held) -> {
                                    Set<String> lost = new HashSet<>(codes);
                                    lost.removeAll(helped);
                                    lost.removeAll(held);
                                    return lost;
                                }))
                .flatMap(lost -> lost.isEmpty()
                        ? Uni.createFrom().item(false)
                        : Uni.join()
                                .all(lost.stream()
                                        .map(code -> daily.release(campaignId, helperId, day, code))
                                        .toList())
                                .andFailFast()
                                .replaceWith(true));
    }

    private String write(Answer answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer read(String stored) {
        try {
            return json.readValue(stored, Answer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
