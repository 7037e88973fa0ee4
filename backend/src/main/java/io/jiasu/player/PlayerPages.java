package io.jiasu.player;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jiasu.campaign.Campaign;
import io.jiasu.leaderboard.LeaderboardService;
import io.jiasu.platform.NotFound;
import io.jiasu.platform.PreparedJson;
import io.jiasu.user.UserService;
import io.jiasu.user.UserView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a player's pages show: the share landing page and players/me, fresh for the rules or from this instance's
 * snapshots ({@link PlayerSnapshots}) for the pages, whose JSON is written once per snapshot and handed to every
 * request that shows the same. A request that finds everything it shows in the snapshots answers without a Uni chain.
 */
@ApplicationScoped
class PlayerPages {
    private final PlayerStore store;
    private final UserService users;
    private final LeaderboardService board;
    private final Claims claims;
    private final Settlement settlement;
    private final PlayerSnapshots snapshots;
    private final ObjectMapper json;

    PlayerPages(
            PlayerStore store,
            UserService users,
            LeaderboardService board,
            Claims claims,
            Settlement settlement,
            PlayerSnapshots snapshots,
            ObjectMapper json) {
        this.store = store;
        this.users = users;
        this.board = board;
        this.claims = claims;
        this.settlement = settlement;
        this.snapshots = snapshots;
        this.json = json;
    }

    /** The caller's own run, fresh, settling a prize outcome a crash left unwritten. */
    Uni<PlayerView> fresh(Campaign campaign, String userId) {
        return settled(campaign, userId).flatMap(player -> view(campaign, player));
    }

    /** The caller's run as players/me shows it, from the snapshots. */
    Uni<PreparedJson> mine(Campaign campaign, String userId) {
        PlayerSnapshots.Mine key = new PlayerSnapshots.Mine(campaign.id(), userId);
        PlayerOwn own = snapshots.peekOwn(key);
        if (own != null) {
            PlayerSnapshots.Rank rank = snapshots.peekRank(own.shareCode());
            UserView inviter = own.inviterId() == null ? null : snapshots.peekCard(own.inviterId());
            if (rank != null && (inviter != null || own.inviterId() == null)) {
                return Uni.createFrom().item(own.json(inviter, rank.value(), this::write));
            }
        }
        return snapshots
                .own(key, mine -> own(campaign, userId))
                .flatMap(loaded -> Uni.combine()
                        .all()
                        .unis(rank(campaign, loaded.shareCode()), card(loaded.inviterId()))
                        .with((rank, inviter) -> loaded.json(inviter, rank.value(), this::write)));
    }

    /** A player's landing page, from the snapshots; {@code viewerId} null for an anonymous viewer. */
    Uni<PreparedJson> landing(Campaign campaign, String shareCode, String viewerId) {
        PlayerPage page = snapshots.peekPage(shareCode);
        UserView owner = page == null ? null : snapshots.peekCard(page.ownerId());
        if (owner != null) {
            return Uni.createFrom().item(inCampaign(campaign, page).json(owner, viewerId, this::write));
        }
        return page(campaign, shareCode)
                .flatMap(loaded -> card(loaded.ownerId()).map(card -> loaded.json(card, viewerId, this::write)));
    }

    /** A player's landing page as a record, from the snapshots (what a rule may read at most a second late). */
    Uni<PublicPlayerView> publicView(Campaign campaign, String shareCode, String viewerId) {
        return page(campaign, shareCode).flatMap(page -> card(page.ownerId()).map(owner -> page.view(owner, viewerId)));
    }

    /** The player view of a player just read: rank, claim, inviter and invited count read fresh. */
    Uni<PlayerView> view(Campaign campaign, Player player) {
        Uni<Boolean> claimed =
                player.prizeRank() == null ? Uni.createFrom().item(false) : claims.claimed(player.shareCode());
        return Uni.combine()
                .all()
                .unis(
                        board.rankOf(campaign.id(), player.shareCode()),
                        claimed,
                        inviter(campaign, player),
                        store.invitedBy(player.shareCode()))
                .with((rank, hasClaimed, by, invited) -> new PlayerView(
                        player.shareCode(),
                        Progress.of(campaign, player),
                        player.prizeRank(),
                        hasClaimed,
                        rank,
                        by,
                        invited));
    }

    /** The player whose card brought this one, with their current face; null for a seed player. */
    Uni<InvitedBy> inviter(Campaign campaign, Player player) {
        return inviterOf(campaign, player)
                .flatMap(inviter -> inviter == null
                        ? Uni.createFrom().nullItem()
                        : users.profile(inviter.userId())
                                .map(card -> new InvitedBy(inviter.shareCode(), card.nickname(), card.avatarUrl())));
    }

    private Uni<Player> inviterOf(Campaign campaign, Player player) {
        return player.invitedBy() == null ? Uni.createFrom().nullItem() : store.find(campaign.id(), player.invitedBy());
    }

    private Uni<Player> settled(Campaign campaign, String userId) {
        return store.findMine(campaign.id(), userId)
                .onItem()
                .ifNull()
                .failWith(() -> new NotFound("You have not joined this campaign."))
                .flatMap(player -> player.needsPrizeSettling()
                        ? settlement
                                .settle(campaign, player.finisher())
                                .flatMap(rank -> store.findMine(campaign.id(), userId))
                        : Uni.createFrom().item(player));
    }

    /** A players/me snapshot: the run (a prize a crash left unsettled settled first), claim, invited count, inviter. */
    private Uni<PlayerOwn> own(Campaign campaign, String userId) {
        return settled(campaign, userId).flatMap(player -> {
            Uni<Boolean> claimed =
                    player.prizeRank() == null ? Uni.createFrom().item(false) : claims.claimed(player.shareCode());
            return Uni.combine()
                    .all()
                    .unis(claimed, store.invitedBy(player.shareCode()), inviterOf(campaign, player))
                    .with((hasClaimed, invited, inviter) ->
                            new PlayerOwn(player, Progress.of(campaign, player), hasClaimed, invited, inviter));
        });
    }

    private Uni<PlayerPage> page(Campaign campaign, String shareCode) {
        return snapshots
                .page(
                        shareCode,
                        code -> store.find(campaign.id(), code)
                                .onItem()
                                .ifNull()
                                .failWith(() -> new NotFound("No such player."))
                                .map(player -> new PlayerPage(player, Progress.of(campaign, player))))
                .map(page -> inCampaign(campaign, page));
    }

    private Uni<PlayerSnapshots.Rank> rank(Campaign campaign, String shareCode) {
        return snapshots.rank(
                shareCode, code -> board.rankOf(campaign.id(), code).map(PlayerSnapshots.Rank::new));
    }

    /** A user's card from the snapshots; null for no user. */
    private Uni<UserView> card(String userId) {
        return userId == null ? Uni.createFrom().nullItem() : snapshots.card(userId, users::profile);
    }

    private static PlayerPage inCampaign(Campaign campaign, PlayerPage page) {
        if (!page.campaignId().equals(campaign.id())) {
            throw new NotFound("No such player.");
        }
        return page;
    }

    private PreparedJson write(Object answer) {
        return PreparedJson.of(json, answer);
    }
}
