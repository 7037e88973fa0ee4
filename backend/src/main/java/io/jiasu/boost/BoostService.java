package io.jiasu.boost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.campaign.CampaignStatus;
import io.jiasu.platform.ApiException;
import io.jiasu.platform.Forbidden;
import io.jiasu.platform.NotFound;
import io.jiasu.platform.RunToEnd;
import io.jiasu.player.HelpAttempt;
import io.jiasu.player.Origin;
import io.jiasu.player.PlayerService;
import io.jiasu.prize.SlotService;
import io.jiasu.risk.Held;
import io.jiasu.risk.Probe;
import io.jiasu.risk.RiskService;
import io.jiasu.user.UserService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The rules of a friend's help: the campaign is live, nobody helps themselves or a banned player, each friend helps a
 * player once, nobody is helped past the goal, a helper helps at most dailyHelpLimit players a day, a retried request
 * answers as the first did, and the help that reaches the goal takes the next prize. The player's document enforces
 * the once-per-friend, self and goal rules atomically (one guarded update, {@link HelpAttempt}); this class says what
 * each refusal means.
 *
 * <p>A help is decided in three steps, one round trip each: the gate (Redis, one script: the Idempotency-Key's claim
 * and the daily slot), the guarded update (MongoDB), and, with a key, remembering the answer (Redis). Everything else
 * (the campaign, the share code's owner, bans) is answered from memory.
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
    private final HelpGateStore gate;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final RiskService risk;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Counter> acceptedByCampaign = new ConcurrentHashMap<>();

    BoostService(
            CampaignService campaigns,
            PlayerService players,
            UserService users,
            SlotService slots,
            HelpGateStore gate,
            ObjectMapper json,
            Clock clock,
            MeterRegistry metrics,
            RiskService risk) {
        this.campaigns = campaigns;
        this.players = players;
        this.users = users;
        this.slots = slots;
        this.gate = gate;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.risk = risk;
    }

    /**
     * Helps a player. With an idempotency key, a retry of the same request (same helper, player and key) gets
     * exactly the first answer, success or refusal, and never helps twice. Runs to its end when the client hangs up
     * ({@link RunToEnd}): a recorded help is always counted, settled and, with a key, kept.
     */
    Uni<BoostResult> help(
            String campaignId,
            String shareCode,
            String helperId,
            String idempotencyKey,
            Origin origin,
            String address) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            return Uni.createFrom().failure(new BadIdempotencyKey());
        }
        Instant now = clock.instant();
        if (idempotencyKey == null) {
            return RunToEnd.of(counted(
                    campaignId,
                    campaigns
                            .published(campaignId)
                            .flatMap(campaign -> unkeyed(campaign, shareCode, helperId, now, origin, address))));
        }
        String scope = String.join(":", helperId, campaignId, shareCode, idempotencyKey);
        return RunToEnd.of(campaigns
                .published(campaignId)
                .flatMap(campaign -> keyed(campaign, shareCode, helperId, scope, now, origin, address)));
    }

    private Uni<BoostResult> unkeyed(
            Campaign campaign, String shareCode, String helperId, Instant now, Origin origin, String address) {
        campaign.requireLive(now);
        return requireHelpable(campaign.id(), shareCode, helperId)
                .flatMap(owner -> admit(campaign, shareCode, helperId, now, null, address)
                        .flatMap(admission ->
                                decide(campaign, shareCode, owner, helperId, now, origin, address, admission)));
    }

    /**
     * The first request with a key is decided and its answer kept (a refusal too; an outage or a bug drops the claim so
     * a retry runs for real); a later one replays it. Nothing is kept for a campaign or a player that does not exist:
     * a stranger can't fill Redis with keys.
     */
    private Uni<BoostResult> keyed(
            Campaign campaign,
            String shareCode,
            String helperId,
            String scope,
            Instant now,
            Origin origin,
            String address) {
        return requireHelpable(campaign.id(), shareCode, helperId)
                .flatMap(owner -> admit(campaign, shareCode, helperId, now, scope, address)
                        .flatMap(admission -> admission.previous() != null
                                ? replay(helperId, scope, admission.previous(), IN_FLIGHT_POLLS)
                                : counted(campaign.id(), Uni.createFrom().deferred(() -> {
                                            campaign.requireLive(now);
                                            return decide(
                                                    campaign, shareCode, owner, helperId, now, origin, address,
                                                    admission);
                                        }))
                                        .call(result -> gate.remember(helperId, scope, write(new Answer(result, null))))
                                        .onFailure(ApiException.class)
                                        .call(e -> ((ApiException) e).status() < 500
                                                ? gate.remember(
                                                        helperId,
                                                        scope,
                                                        write(new Answer(null, ((ApiException) e).problem())))
                                                : gate.forget(helperId, scope))
                                        .onFailure(e -> !(e instanceof ApiException))
                                        .call(e -> gate.forget(helperId, scope))));
    }

    private Uni<BoostResult> replay(String helperId, String scope, String stored, int pollsLeft) {
        if (stored == null) {
            return Uni.createFrom().failure(new RequestInProgress());
        }
        if (!HelpGateStore.PENDING.equals(stored)) {
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
                .flatMap(ignored -> gate.read(helperId, scope))
                .flatMap(next -> replay(helperId, scope, next, pollsLeft - 1));
    }

    /**
     * Refuses what the share code alone rules out, before a daily slot is spent: an unknown player (NOT_FOUND),
     * helping yourself (SELF_BOOST), or a player whose user is banned (FORBIDDEN). Answered from memory once the share
     * code's owner is known; answers the owner.
     */
    private Uni<String> requireHelpable(String campaignId, String shareCode, String helperId) {
        return players.ownerOf(campaignId, shareCode).invoke(owner -> {
            if (owner.equals(helperId)) {
                throw new SelfBoost();
            }
            if (users.isBanned(owner)) {
                throw new Forbidden("This player has been disqualified.");
            }
        });
    }

    /**
     * Records the help under the daily slot the gate reserved, giving the slot back when the help is refused or fails.
     * The risk step comes first, on what the gate's flush read: the campaign's policy counts the help, holds it for an
     * operator (recorded aside, adds nothing yet) or refuses it.
     */
    private Uni<BoostResult> decide(
            Campaign campaign,
            String shareCode,
            String owner,
            String helperId,
            Instant now,
            Origin origin,
            String address,
            HelpGateStore.Admission admission) {
        LocalDate day = campaign.dayOf(now);
        Uni<HelpGateStore.Reservation> slot = admission.reservation() == HelpGateStore.Reservation.FULL
                ? repairThenReserve(campaign, shareCode, helperId, day, now)
                : Uni.createFrom().item(admission.reservation());
        return slot.flatMap(taken -> risk.judge(campaign, helperId, address, admission.probe(), admission.riders())
                .onFailure()
                .call(e -> release(campaign, helperId, day, shareCode, taken))
                .flatMap(verdict -> verdict.held()
                        ? risk.hold(campaign, shareCode, helperId, now, origin, verdict)
                                .map(BoostService::held)
                                .onFailure()
                                .call(e -> release(campaign, helperId, day, shareCode, taken))
                        : players.recordHelp(campaign, shareCode, owner, helperId, now, origin, verdict.marks())
                                .map(BoostService::accepted)
                                .onFailure()
                                .call(e -> release(campaign, helperId, day, shareCode, taken))
                                .invoke(help -> risk.counted(campaign.id(), shareCode, verdict, now))
                                .flatMap(help -> result(campaign, help))));
    }

    private Uni<Void> release(
            Campaign campaign, String helperId, LocalDate day, String shareCode, HelpGateStore.Reservation taken) {
        return taken == HelpGateStore.Reservation.TAKEN
                ? gate.release(campaign.id(), helperId, day, shareCode)
                : Uni.createFrom().voidItem();
    }

    /**
     * The help that reached the goal takes its prize before answering: the first prizeTotal players to get there
     * hold ranks 1..prizeTotal.
     */
    private Uni<BoostResult> result(Campaign campaign, HelpAttempt.Recorded help) {
        int helps = help.helpCount();
        if (!help.finished()) {
            return Uni.createFrom()
                    .item(new BoostResult(
                            campaign.amountOfHelp(helps),
                            campaign.progressAfter(helps),
                            campaign.goal(),
                            false,
                            null,
                            false));
        }
        return slots.settle(campaign, help.finisher())
                .map(rank -> new BoostResult(
                        campaign.amountOfHelp(helps),
                        campaign.progressAfter(helps),
                        campaign.goal(),
                        true,
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

    /**
     * The gate: the key's claim (when there is a key) and, while the campaign is live, a daily slot and what the risk
     * step reads, all in one Redis round trip.
     */
    private Uni<HelpGateStore.Admission> admit(
            Campaign campaign, String shareCode, String helperId, Instant now, String scope, String address) {
        boolean live = campaign.status(now) == CampaignStatus.LIVE;
        return gate.admit(
                campaign.id(),
                helperId,
                campaign.dayOf(now),
                shareCode,
                campaign.dailyHelpLimit(),
                now,
                scope,
                live,
                live ? risk.probe(shareCode, helperId, address) : Probe.NONE);
    }

    /** The helper hit the limit: slots a crash left behind are given back, then one more try, else the refusal. */
    private Uni<HelpGateStore.Reservation> repairThenReserve(
            Campaign campaign, String shareCode, String helperId, LocalDate day, Instant now) {
        Uni<HelpGateStore.Reservation> full = Uni.createFrom()
                .failure(() -> new DailyLimitReached(campaign.dailyHelpLimit(), campaign.secondsToNextDay(now)));
        return repairDailySlots(campaign.id(), helperId, day, now)
                .flatMap(freed -> !freed
                        ? full
                        : gate.admit(
                                        campaign.id(),
                                        helperId,
                                        day,
                                        shareCode,
                                        campaign.dailyHelpLimit(),
                                        now,
                                        null,
                                        true,
                                        Probe.NONE)
                                .flatMap(again -> again.reservation() == HelpGateStore.Reservation.FULL
                                        ? full
                                        : Uni.createFrom().item(again.reservation())));
    }

    /**
     * Gives back slots whose help never reached MongoDB (the process died between reserving and helping; a held help
     * did reach it, in the risk feature's record). Only
     * slots older than a request can take are looked at, so a help still in flight keeps its slot. True if any
     * slot was freed.
     */
    private Uni<Boolean> repairDailySlots(String campaignId, String helperId, LocalDate day, Instant now) {
        return gate.reservedBefore(campaignId, helperId, day, now.minus(RESERVATION_SETTLES_IN))
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
                                        .map(code -> gate.release(campaignId, helperId, day, code))
                                        .toList())
                                .andFailFast()
                                .replaceWith(true));
    }

    /** Counts every outcome of a decided help, and accepted helps per campaign (the operators' helps per minute). */
    private Uni<BoostResult> counted(String campaignId, Uni<BoostResult> decided) {
        return decided.onItemOrFailure().invoke((result, failure) -> count(campaignId, result, failure));
    }

    private void count(String campaignId, BoostResult result, Throwable failure) {
        boolean held = result != null && result.held();
        String outcome = ApiException.outcome(failure, held ? "held" : "accepted");
        outcomes.computeIfAbsent(outcome, o -> metrics.counter("jiasu.boost.helps", "outcome", o))
                .increment();
        if (failure == null && !held) {
            // rate(jiasu_boost_accepted_total[1m]) * 60
            acceptedByCampaign
                    .computeIfAbsent(campaignId, id -> metrics.counter("jiasu.boost.accepted", "campaign", id))
                    .increment();
        }
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
