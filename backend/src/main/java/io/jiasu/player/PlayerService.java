package io.jiasu.player;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.leaderboard.LeaderboardService;
import io.jiasu.leaderboard.Standing;
import io.jiasu.platform.NotFound;
import io.jiasu.platform.PreparedJson;
import io.jiasu.platform.RunToEnd;
import io.jiasu.platform.Snapshots;
import io.jiasu.user.UserService;
import io.jiasu.user.UserView;
import io.jiasu.wechat.ShareTickets;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Players and the helps they receive.
 *
 * <p>MongoDB's players and campaigns collections are the record; the Redis leaderboard is derived from them. Each
 * step is one atomic single-document update, and every later step can be replayed: a crash after a help reached the
 * goal but before the prize slot was written is settled through {@link Settlement} when the player is next read
 * ({@link #me}) or by the prize feature's sweeper; the leaderboard rebuilds a lost board from MongoDB through
 * {@link PlayerBoard}.
 */
@ApplicationScoped
public class PlayerService {
    private static final Pattern SHARE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int TOP_GROUPS = 10;
    private static final int TREE_SAMPLE = 300;

    private final PlayerStore store;
    private final CampaignService campaigns;
    private final UserService users;
    private final LeaderboardService board;
    private final Snapshots<String, Owner> owners;
    private final PlayerPages pages;
    private final PlayerSnapshots snapshots;
    private final LoopStore loop;
    private final CountStore counts;
    private final ShareTickets shareTickets;
    private final Clock clock;

    PlayerService(
            PlayerStore store,
            CampaignService campaigns,
            UserService users,
            LeaderboardService board,
            PlayerConfig config,
            PlayerPages pages,
            PlayerSnapshots snapshots,
            LoopStore loop,
            CountStore counts,
            ShareTickets shareTickets,
            Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.users = users;
        this.board = board;
        this.owners = Snapshots.expiringAfterAccess(config.ownerIdle(), config.owners());
        this.pages = pages;
        this.snapshots = snapshots;
        this.loop = loop;
        this.counts = counts;
        this.shareTickets = shareTickets;
        this.clock = clock;
    }

    /**
     * Joins the caller to a live campaign; idempotent, {@code created} is true only the first time. Where the caller
     * came from is checked (an inviter of this campaign who is not the caller, share info that opens and checks) and
     * kept with the new player; what does not check is unknown, never a refusal.
     */
    public Uni<Joined> join(String campaignId, String userId, Origin origin) {
        Instant now = clock.instant();
        // a stored join reaches its counters even if the client hangs up meanwhile
        return RunToEnd.of(campaigns
                .published(campaignId)
                .invoke(campaign -> campaign.requireLive(now))
                .call(campaigns::lockRules)
                .flatMap(campaign -> arrival(campaignId, userId, origin, now)
                        .flatMap(arrival -> store.join(campaignId, userId, now, arrival)
                                .call(stored -> {
                                    if (!stored.created()) {
                                        return Uni.createFrom().voidItem();
                                    }
                                    counts.joined(campaignId, now);
                                    return loop.joined(campaignId, userId, arrival);
                                }))
                        .call(stored -> stored.created()
                                ? board.record(campaign, stored.player().standing(0))
                                : Uni.createFrom().voidItem())
                        .call(stored -> stored.created()
                                ? invitedThrough(campaignId, stored.player())
                                : Uni.createFrom().voidItem())
                        .flatMap(stored ->
                                pages.view(campaign, stored.player()).map(view -> new Joined(view, stored.created()))))
                .invoke(() -> snapshots.mineChanged(campaignId, userId)));
    }

    /** A player joined through another: the inviter's players/me shows one more invited, everywhere within a second. */
    private Uni<Void> invitedThrough(String campaignId, Player joined) {
        return joined.invitedBy() == null
                ? Uni.createFrom().voidItem()
                : ownerOf(campaignId, joined.invitedBy())
                        .invoke(inviter -> snapshots.mineChanged(campaignId, inviter))
                        .onFailure(NotFound.class)
                        .recoverWithNull()
                        .replaceWithVoid();
    }

    /** The caller's own run, settling a prize outcome a crash left unwritten. */
    public Uni<PlayerView> me(String campaignId, String userId) {
        return campaigns.published(campaignId).flatMap(campaign -> pages.fresh(campaign, userId));
    }

    /**
     * The caller's own run as their page shows it, as the answer's JSON: from this instance's snapshots
     * ({@link PlayerSnapshots}), kept until the run changes, so a crowd reloading its pages costs no read at all. Their
     * own writes (joining, a claim) drop it at once on this instance and within a second on the others; so does what
     * others do to it (helps, whom they brought); the rank is at most a second old. Rules that decide on the run
     * (claims) read {@link #me}, never this.
     */
    public Uni<PreparedJson> meRecent(String campaignId, String userId) {
        return campaigns.published(campaignId).flatMap(campaign -> pages.mine(campaign, userId));
    }

    /** The caller changed their own run (a claim): their next {@link #meRecent} reads it afresh, on every instance. */
    public void changedMine(String campaignId, String userId) {
        snapshots.mineChanged(campaignId, userId);
    }

    /** Every help the caller received, newest first, with each helper's current nickname and avatar. */
    public Uni<BoostList> boosts(String campaignId, String userId) {
        return campaigns
                .published(campaignId)
                .flatMap(campaign -> mine(campaignId, userId)
                        .flatMap(player -> users.cards(player.helps().stream()
                                        .map(Help::userId)
                                        .toList())
                                .map(cards -> {
                                    List<BoostList.Entry> entries = new ArrayList<>();
                                    for (int i = player.helps().size() - 1; i >= 0; i--) {
                                        Help help = player.helps().get(i);
                                        UserView card = cards.get(help.userId());
                                        entries.add(new BoostList.Entry(
                                                card == null ? null : card.nickname(),
                                                card == null ? null : card.avatarUrl(),
                                                campaign.amountOfHelp(i + 1),
                                                help.at()));
                                    }
                                    return new BoostList(entries);
                                })));
    }

    /**
     * A player as their share landing page shows them; boostedByMe is answered only for a signed-in viewer. Served from
     * this instance's snapshots of the player and their card ({@link PlayerSnapshots}): a help recorded on this instance
     * drops it at once, so the helper sees their own help (and the owner's {@link #meRecent} too); a change made on
     * another instance shows within a second.
     */
    public Uni<PublicPlayerView> publicView(String campaignId, String shareCode, String viewerId) {
        return campaigns.published(campaignId).flatMap(campaign -> pages.publicView(campaign, shareCode, viewerId));
    }

    /** {@link #publicView} as the answer's JSON, written once per snapshot and kind of viewer. */
    public Uni<PreparedJson> landing(String campaignId, String shareCode, String viewerId) {
        return campaigns.published(campaignId).flatMap(campaign -> pages.landing(campaign, shareCode, viewerId));
    }

    /**
     * Counts for the operators' stats: players, helps, distinct helpers and finishers, one document read
     * ({@link CountStore}). This instance's counts are current when its writes are answered, other instances' within
     * their next batch; what a crash lost comes back from the record with the next recount ({@link CountRepair}).
     */
    public Uni<PlayerCounts> counts(String campaignId) {
        return counts.read(campaignId);
    }

    /** The user behind a share code in this campaign; share codes never change owner, so this is cached. */
    public Uni<String> ownerOf(String campaignId, String shareCode) {
        return owners.get(
                        shareCode,
                        code -> store.find(campaignId, code)
                                .onItem()
                                .ifNull()
                                .failWith(() -> new NotFound("No such player."))
                                .map(player -> new Owner(player.campaignId(), player.userId())))
                .map(owner -> {
                    if (!owner.campaignId().equals(campaignId)) {
                        throw new NotFound("No such player.");
                    }
                    return owner.userId();
                });
    }

    /**
     * Records one friend's help on the player's document, or says why the document refused it (the rules are the
     * boost feature's); {@code owner} is the share code's owner ({@link #ownerOf}). A recorded help that did not reach
     * the goal puts the player's new standing on the board with the campaign's next batch; the one that reached it is
     * settled by the prize feature, which puts the standing there with the prize rank at once.
     */
    public Uni<HelpAttempt> recordHelp(
            Campaign campaign,
            String shareCode,
            String owner,
            String helperId,
            Instant now,
            Origin origin,
            RiskMarks marks) {
        Origin from = Origin.orUnknown(origin);
        // the owner completes the players' shard key {campaignId, userId}: the update goes to one shard
        return group(helperId, from, now)
                .flatMap(group -> store.recordHelp(
                                campaign.id(),
                                shareCode,
                                owner,
                                helperId,
                                campaign.helpsToGoal(),
                                now,
                                from.scene(),
                                group,
                                marks)
                        .call(attempt -> {
                            if (!(attempt instanceof HelpAttempt.Recorded help)) {
                                return Uni.createFrom().voidItem();
                            }
                            counts.helped(campaign.id(), now, help.finished());
                            // this instance shows a help at once (to the helper on the page, to the owner), others soon
                            snapshots.pageChanged(shareCode);
                            snapshots.mineChanged(campaign.id(), owner);
                            if (!help.finished()) {
                                board.recordSoon(
                                        campaign,
                                        new Standing(
                                                shareCode, campaign.progressAfter(help.helpCount()), now, null, null));
                            }
                            return loop.helped(campaign.id(), helperId, from.scene(), group, help.helpCount() == 1)
                                    .invoke(firstHelp -> {
                                        if (firstHelp) {
                                            counts.newHelper(campaign.id(), now);
                                        }
                                    });
                        }));
    }

    /**
     * Writes down the settled finish of a player: the prize rank (or null when none was left), the finish sequence and
     * the serialised finish time. Only the first settling is written, so a repeat never changes a finish.
     */
    public Uni<Void> settlePrize(String shareCode, Integer prizeRank, long finishSeq, Instant finishedAt) {
        return store.settlePrize(shareCode, prizeRank, finishSeq, finishedAt)
                .invoke(settled -> {
                    if (settled != null) {
                        snapshots.pageChanged(shareCode);
                        snapshots.mineChanged(settled.campaignId(), settled.userId());
                    }
                })
                .call(settled -> settled == null
                        ? Uni.createFrom().voidItem()
                        : store.keepTimeToGoal(shareCode, Duration.between(settled.joinedAt(), finishedAt))
                                .call(() -> loop.finished(settled.campaignId())))
                .replaceWithVoid();
    }

    /**
     * The viral loop of a campaign, from counters kept as it happened and a few indexed reads (never a scan of the
     * players): the prize steps of the funnel ({@code winners}, {@code claimed}) come from the caller. Other instances'
     * batches of help counters are at most {@code jiasu.player.loop-flush-every} behind.
     */
    public Uni<Virality> virality(String campaignId, long winners, long claimed) {
        // this instance's batch of help counters first, so the view includes every help it answered
        return loop.flushHelps().chain(() -> loop.counters(campaignId)).flatMap(counters -> {
            long players = LoopStore.count(counters, "players");
            long invited = LoopStore.count(counters, "invitedPlayers");
            long finished = LoopStore.count(counters, "finished");
            Virality.Funnel funnel = new Virality.Funnel(
                    LoopStore.count(counters, "helpers"),
                    LoopStore.count(counters, "helpersWhoJoined"),
                    players,
                    LoopStore.count(counters, "playersHelped"),
                    finished,
                    winners,
                    claimed);
            return Uni.combine()
                    .all()
                    .unis(
                            loop.topGroups(campaignId, TOP_GROUPS),
                            store.timeToGoal(campaignId, finished, 0.5),
                            store.timeToGoal(campaignId, finished, 0.9),
                            tree(campaignId))
                    .with((top, p50, p90, tree) -> new Virality(
                            players,
                            LoopStore.count(counters, "seedPlayers"),
                            invited,
                            players == 0 ? 0.0 : (double) invited / players,
                            LoopStore.generations(counters),
                            LoopStore.scenes(counters),
                            new Virality.Groups(LoopStore.count(counters, "groups"), top),
                            funnel,
                            new Virality.TimeToGoal(p50, p90),
                            tree));
        });
    }

    /** The share tree sample with each player's card: one read of the players, one batch read of their users. */
    private Uni<List<Virality.Node>> tree(String campaignId) {
        return store.tree(campaignId, TREE_SAMPLE)
                .flatMap(sprouts -> users.cards(
                                sprouts.stream().map(PlayerStore.Sprout::userId).toList())
                        .map(cards -> sprouts.stream()
                                .map(s -> {
                                    UserView card = cards.get(s.userId());
                                    return new Virality.Node(
                                            s.shareCode(),
                                            s.invitedBy(),
                                            s.depth(),
                                            card == null ? null : card.nickname(),
                                            card == null ? null : card.avatarUrl(),
                                            s.finished());
                                })
                                .toList()));
    }

    /** One player for operators' review: the run, the prize, who brought them, whom they brought, every counted help. */
    public Uni<ReviewedPlayer> review(Campaign campaign, String shareCode) {
        return store.find(campaign.id(), shareCode)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No such player."))
                .flatMap(player -> Uni.combine()
                        .all()
                        .unis(pages.inviter(campaign, player), store.invitedBy(player.shareCode()))
                        .with((by, invited) -> {
                            List<ReceivedHelp> helps = new ArrayList<>();
                            for (int i = 0; i < player.helps().size(); i++) {
                                Help help = player.helps().get(i);
                                helps.add(new ReceivedHelp(
                                        i + 1,
                                        campaign.amountOfHelp(i + 1),
                                        help.userId(),
                                        help.at(),
                                        help.scene(),
                                        help.group(),
                                        help.rank(),
                                        help.signals(),
                                        help.heldId()));
                            }
                            return new ReviewedPlayer(
                                    player.shareCode(),
                                    player.userId(),
                                    Progress.of(campaign, player),
                                    player.prizeRank(),
                                    by,
                                    invited,
                                    helps);
                        }));
    }

    /** The share codes of these users' players in the campaign, by user id (those who never joined are left out). */
    public Uni<Map<String, String>> shareCodesOf(String campaignId, Collection<String> userIds) {
        return store.shareCodesOf(campaignId, userIds);
    }

    /** These players (unknown share codes left out), by share code, without their helps. */
    public Uni<Map<String, PlayerSummary>> summaries(Campaign campaign, Collection<String> shareCodes) {
        return store.findAll(shareCodes)
                .map(found -> found.stream()
                        .filter(player -> player.campaignId().equals(campaign.id()))
                        .collect(Collectors.toMap(
                                Player::shareCode,
                                player -> new PlayerSummary(
                                        player.shareCode(), player.userId(), Progress.of(campaign, player)))));
    }

    /** Checks where a joining user came from; an inviter must be another player of this campaign. */
    private Uni<Arrival> arrival(String campaignId, String userId, Origin origin, Instant now) {
        Origin from = Origin.orUnknown(origin);
        Uni<Player> inviter =
                from.via() == null || !SHARE_CODE.matcher(from.via()).matches()
                        ? Uni.createFrom().nullItem()
                        : store.find(campaignId, from.via());
        return Uni.combine()
                .all()
                .unis(inviter, group(userId, from, now))
                .with((by, group) -> by == null || by.userId().equals(userId)
                        ? new Arrival(null, 0, from.scene(), group)
                        : new Arrival(by.shareCode(), by.depth() + 1, from.scene(), group));
    }

    /** The opaque group the user's share info names, or null when there is none or it does not open and check. */
    private Uni<String> group(String userId, Origin origin, Instant now) {
        Origin.ShareTicket ticket = origin.shareTicket();
        if (ticket == null || ticket.encryptedData() == null || ticket.iv() == null) {
            return Uni.createFrom().nullItem();
        }
        return users.sessionKey(userId)
                .map(key -> shareTickets
                        .group(key, ticket.encryptedData(), ticket.iv(), now)
                        .orElse(null));
    }

    /**
     * Finished players whose prize outcome was never written (a crash between the two), at most {@code limit}, in the
     * order they reached the goal, so repairing them hands out places in that order.
     */
    public Multi<Finisher> unsettled(int limit) {
        return store.unsettled(limit).map(Player::finisher);
    }

    /** Which of these players the user has helped; used to repair daily-limit reservations. */
    public Uni<Set<String>> helpedBy(Collection<String> shareCodes, String helperId) {
        return store.helpedBy(shareCodes, helperId);
    }

    /** The share code of each player a user has, by campaign id (a user has at most one player per campaign). */
    public Uni<Map<String, String>> shareCodesOf(String userId) {
        return store.ofUser(userId).collect().asMap(Player::campaignId, Player::shareCode);
    }

    /** Where a player stands now (progress, when they got there, their prize rank): what an unban puts back on the board. */
    public Uni<Standing> standing(Campaign campaign, String shareCode) {
        return store.find(campaign.id(), shareCode)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("No such player."))
                .map(player -> player.standing(campaign.progressAfter(player.helpCount())));
    }

    /** Helps a campaign received per minute since {@code since}, oldest minute first; minutes without helps are left out. */
    public Uni<List<HelpsInMinute>> helpsPerMinute(String campaignId, Instant since) {
        return store.helpsPerMinute(campaignId, since);
    }

    /**
     * Every player of a campaign, streamed from the record as the caller asks for more (the participants export); risk
     * signals are counted from the signal names each help carries.
     */
    public Multi<Participant> participants(Campaign campaign) {
        return store.participants(campaign.id(), campaign::progressAfter);
    }

    private Uni<Player> mine(String campaignId, String userId) {
        return store.findMine(campaignId, userId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("You have not joined this campaign."));
    }

    /** Who owns a share code, cached. */
    private record Owner(String campaignId, String userId) {}
}
