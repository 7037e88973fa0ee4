package io.jiasu.risk;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.platform.Forbidden;
import io.jiasu.platform.Sha256;
import io.jiasu.platform.Snapshots;
import io.jiasu.platform.Validation;
import io.jiasu.player.HelpAttempt;
import io.jiasu.player.Origin;
import io.jiasu.player.PlayerService;
import io.jiasu.player.RiskMarks;
import io.jiasu.user.UserService;
import io.jiasu.wechat.WechatClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Judges each help for risk where it is cheap, and applies the campaign's policy to the risky ones: WeChat's rank of
 * the helper (cached per user in Redis; a helper not in the cache is asked with a strict timeout, so a slow WeChat
 * never slows a help: past it the help goes on with the rank unknown and the late answer fills the cache) and the
 * helps to one player from one network in a window. A help is risky when WeChat ranks the helper high or the network
 * burst is exceeded; under {@code refuse} it is 403 FORBIDDEN, under {@code hold} it is kept aside ({@link #hold}),
 * under {@code count} it counts. Helps are counted by outcome in {@code jiasu.risk.helps}.
 *
 * <p>MongoDB holds the record (the marks on the help, held helps, flags, policies); Redis only the rank cache and the
 * network counters, which may be lost: a lost rank is asked again, a lost counter starts a new window.
 */
@ApplicationScoped
public class RiskService {
    private static final Logger LOG = Logger.getLogger(RiskService.class);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final String REFUSED = "This campaign does not accept helps from accounts flagged as high risk.";

    private final RiskConfig config;
    private final SignalStore signals;
    private final PolicyStore policies;
    private final HeldHelpStore held;
    private final FlagStore flags;
    private final CampaignService campaigns;
    private final PlayerService players;
    private final UserService users;
    private final WechatClient wechat;
    private final Validation validation;
    /** Campaigns' policies, read by risky helps: a second old at most ({@link Snapshots}: one load per miss). */
    private final Snapshots<String, Policy> policyCache = Snapshots.expiringAfterWrite(Duration.ofSeconds(1), 10_000);

    private final MeterRegistry metrics;
    private final Clock clock;
    /** The help counters by outcome, then campaign. */
    private final Map<String, Map<String, Counter>> tallies = new ConcurrentHashMap<>();

    RiskService(
            RiskConfig config,
            SignalStore signals,
            PolicyStore policies,
            HeldHelpStore held,
            FlagStore flags,
            CampaignService campaigns,
            PlayerService players,
            UserService users,
            WechatClient wechat,
            Validation validation,
            MeterRegistry metrics,
            Clock clock) {
        this.config = config;
        this.signals = signals;
        this.policies = policies;
        this.held = held;
        this.flags = flags;
        this.campaigns = campaigns;
        this.players = players;
        this.users = users;
        this.wechat = wechat;
        this.validation = validation;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The Redis reads and counts this help is judged on, to send in the help's one Redis flush: the helper's cached
     * WeChat rank (when ranks are asked at all) and the helper counted among the player's helpers from the caller's
     * network (when the address is an IP).
     */
    public Probe probe(String shareCode, String helperId, String address) {
        String network = network(address);
        return new Probe(
                config.wechatRank() ? signals.rankQuery(helperId) : null,
                network == null
                        ? null
                        : signals.helperFromNetwork(shareCode, network, helperId, config.networkWindow()));
    }

    /**
     * The verdict on a help before it is recorded, from the answers to its {@link #probe}: its marks, and whether the
     * campaign holds it. A risky help under {@code refuse} fails with FORBIDDEN. Signals never fail a help: what can't
     * be read is unknown.
     */
    public Uni<Verdict> judge(Campaign campaign, String helperId, String address, Probe probe, List<Response> answers) {
        boolean burst = probe.networkHelpers(answers) > config.networkHelps();
        Integer cached = probe.rank(answers);
        if (cached == null && config.wechatRank()) {
            return ask(helperId, address).flatMap(rank -> verdict(campaign, rank, burst));
        }
        return verdict(campaign, cached, burst);
    }

    private Uni<Verdict> verdict(Campaign campaign, Integer rank, boolean burst) {
        if (rank == null && !burst) {
            return Uni.createFrom().item(Verdict.CLEAN);
        }
        List<String> found = new ArrayList<>(2);
        if (rank != null && rank >= config.highRank()) {
            found.add(Signal.WX_RISK);
        }
        if (burst) {
            found.add(Signal.NETWORK);
        }
        RiskMarks marks = new RiskMarks(rank, List.copyOf(found), null);
        if (found.isEmpty()) {
            return Uni.createFrom().item(new Verdict(marks, false));
        }
        return policy(campaign.id()).map(policy -> {
            if (policy == Policy.REFUSE) {
                tally(campaign.id(), "refused");
                throw new Forbidden(REFUSED);
            }
            return new Verdict(marks, policy == Policy.HOLD);
        });
    }

    /**
     * Keeps a risky help aside under the hold policy: it adds nothing until approved, and this helper can't help the
     * player again. Refused like a counted help when the helper already helped or the player reached the goal.
     */
    public Uni<Held> hold(
            Campaign campaign, String shareCode, String helperId, Instant now, Origin origin, Verdict verdict) {
        return players.publicView(campaign.id(), shareCode, helperId).flatMap(player -> {
            if (Boolean.TRUE.equals(player.boostedByMe())) {
                return Uni.createFrom().item(new Held(HelpAttempt.Refusal.ALREADY_HELPED, player.run()));
            }
            if (player.run().friendsNeeded() <= 0) {
                return Uni.createFrom().item(new Held(HelpAttempt.Refusal.GOAL_REACHED, player.run()));
            }
            RiskMarks marks = verdict.marks();
            return held.hold(
                            campaign.id(),
                            shareCode,
                            helperId,
                            now,
                            Origin.orUnknown(origin).scene(),
                            marks)
                    .flatMap(kept -> {
                        if (!kept) {
                            return Uni.createFrom().item(new Held(HelpAttempt.Refusal.ALREADY_HELPED, player.run()));
                        }
                        List<String> counted = new ArrayList<>(marks.signals());
                        counted.add(FlagStore.HELD);
                        return flags.flag(campaign.id(), shareCode, counted, now)
                                .invoke(() -> tally(campaign.id(), "held"))
                                .replaceWith(new Held(null, player.run()));
                    });
        });
    }

    /**
     * A help was counted: tallied, and a flagged one is added to the player's flags for the review queue with the next
     * batch of flags ({@link FlagStore#flagSoon}), not by a write of its own.
     */
    public void counted(String campaignId, String shareCode, Verdict verdict, Instant at) {
        tally(campaignId, "counted");
        if (verdict.flagged()) {
            flags.flagSoon(campaignId, shareCode, verdict.marks().signals(), at);
        }
    }

    /**
     * Which of these players the helper helped with a held help: the help took a daily slot like any other, so the
     * daily-slot repair must not give it back.
     */
    public Uni<Set<String>> heldBy(Collection<String> shareCodes, String helperId) {
        return held.heldBy(shareCodes, helperId);
    }

    /**
     * The risk flags of every flagged player of a campaign, by share code: how many helps carried each signal
     * ({@code held}: how many were held). For exports; players without a risky help are not in it.
     */
    public Uni<Map<String, Map<String, Long>>> flagsOf(String campaignId) {
        return flags.all(campaignId)
                .map(all -> all.stream()
                        .collect(Collectors.toMap(FlagStore.Flagged::shareCode, FlagStore.Flagged::counts)));
    }

    /** The campaign's policy for risky helps (NOT_FOUND for an unknown campaign). */
    public Uni<PolicyChoice> policyOf(String campaignId) {
        return campaigns
                .find(campaignId)
                .flatMap(campaign -> policies.find(campaignId))
                .map(PolicyChoice::new);
    }

    /** Sets the campaign's policy; every instance applies it within a second (the cache's age). */
    public Uni<PolicyChoice> choose(String campaignId, PolicyChoice choice, String by) {
        return campaigns
                .find(campaignId)
                .map(campaign -> validation.valid(choice))
                .call(valid -> policies.set(campaignId, valid.policy(), by, clock.instant()))
                .invoke(valid -> policyCache.forget(campaignId));
    }

    /** The policy as the help path reads it: from a cache at most a second old. */
    Uni<Policy> policy(String campaignId) {
        return policyCache.get(campaignId, policies::find);
    }

    /** Counts a judged help by outcome; each counter is looked up in the registry once, not on every help. */
    private void tally(String campaignId, String outcome) {
        tallies.computeIfAbsent(outcome, o -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        campaignId, id -> metrics.counter("jiasu.risk.helps", "campaign", id, "outcome", outcome))
                .increment();
    }

    /**
     * Asks WeChat once, in the background, and waits for the answer at most the rank timeout: the answer, whenever it
     * comes, is kept for the next help and for review.
     */
    private Uni<Integer> ask(String helperId, String address) {
        Uni<Integer> asked = users.user(helperId)
                .flatMap(user -> wechat.userRiskRank(user.openid(), address))
                .call(rank -> signals.keepRank(helperId, rank, config.rankTtl()))
                .memoize()
                .indefinitely();
        asked.subscribe()
                .with(
                        rank -> {},
                        failure -> LOG.debugf(
                                "risk rank unknown: %s", failure.getClass().getSimpleName()));
        return asked.ifNoItem()
                .after(config.rankTimeout())
                .recoverWithItem(() -> null)
                .onFailure()
                .recoverWithNull();
    }

    /** An opaque digest of the address's /24 (IPv4) or /64 (IPv6); null when the address is not an IP literal. */
    static String network(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            byte[] prefix = Arrays.copyOf(bytes, bytes.length == 4 ? 3 : 8);
            return Sha256.hex(HexFormat.of().formatHex(prefix)).substring(0, 16);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
