package io.jiasu.risk;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.platform.Forbidden;
import io.jiasu.platform.Sha256;
import io.jiasu.platform.Validation;
import io.jiasu.player.HelpAttempt;
import io.jiasu.player.Origin;
import io.jiasu.player.PlayerService;
import io.jiasu.player.RiskMarks;
import io.jiasu.user.UserService;
import io.jiasu.wechat.WechatClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Cache policyCache;
    private final MeterRegistry metrics;
    private final Clock clock;

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
            @CacheName("risk-policies") Cache policyCache,
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
        this.policyCache = policyCache;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The verdict on a help before it is recorded: its marks, and whether the campaign holds it. A risky help under
     * {@code refuse} fails with FORBIDDEN. Signals never fail a help: what can't be read is unknown.
     */
    public Uni<Verdict> judge(Campaign campaign, String shareCode, String helperId, String address) {
        return Uni.combine()
                .all()
                .unis(rankOf(helperId, address), burst(shareCode, address))
                .with((rank, burst) -> {
                    List<String> found = new ArrayList<>();
                    if (rank != null && rank >= config.highRank()) {
                        found.add(Signal.WX_RISK);
                    }
                    if (burst) {
                        found.add(Signal.NETWORK);
                    }
                    return new RiskMarks(rank, List.copyOf(found), null);
                })
                .flatMap(marks -> marks.signals().isEmpty()
                        ? Uni.createFrom().item(new Verdict(marks, false))
                        : policy(campaign.id()).map(policy -> {
                            if (policy == Policy.REFUSE) {
                                tally(campaign.id(), "refused");
                                throw new Forbidden(REFUSED);
                            }
                            return new Verdict(marks, policy == Policy.HOLD);
                        }));
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

    /** A help was counted: tallied, and a flagged one is added to the player's flags for the review queue. */
    public Uni<Void> counted(String campaignId, String shareCode, Verdict verdict, Instant at) {
        tally(campaignId, "counted");
        if (!verdict.flagged()) {
            return Uni.createFrom().voidItem();
        }
        return flags.flag(campaignId, shareCode, verdict.marks().signals(), at)
                .onFailure()
                .recoverWithUni(e -> {
                    LOG.warnf(
                            "risk flag not written for a counted help: %s",
                            e.getClass().getSimpleName());
                    return Uni.createFrom().voidItem();
                });
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
                .call(valid -> policyCache.invalidate(campaignId));
    }

    /** The policy as the help path reads it: from a cache at most a second old. */
    Uni<Policy> policy(String campaignId) {
        return policyCache.getAsync(campaignId, policies::find);
    }

    private void tally(String campaignId, String outcome) {
        metrics.counter("jiasu.risk.helps", "campaign", campaignId, "outcome", outcome)
                .increment();
    }

    /** The helper's WeChat rank: cached, else asked with a strict timeout; null when unknown. */
    private Uni<Integer> rankOf(String helperId, String address) {
        if (!config.wechatRank()) {
            return Uni.createFrom().nullItem();
        }
        return signals.rank(helperId)
                .onFailure()
                .recoverWithNull()
                .flatMap(cached -> cached != null ? Uni.createFrom().item(cached) : ask(helperId, address));
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

    /** Whether this help is over the network burst: too many helps to the player from the helper's /24 or /64. */
    private Uni<Boolean> burst(String shareCode, String address) {
        String network = network(address);
        if (network == null) {
            return Uni.createFrom().item(false);
        }
        return signals.helpFromNetwork(shareCode, network, config.networkWindow())
                .map(helps -> helps > config.networkHelps())
                .onFailure()
                .recoverWithItem(false);
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
