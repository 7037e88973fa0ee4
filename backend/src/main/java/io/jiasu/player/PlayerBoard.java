package io.jiasu.player;

import io.jiasu.campaign.Campaign;
import io.jiasu.leaderboard.BoardPlayers;
import io.jiasu.leaderboard.Ranked;
import io.jiasu.leaderboard.Standing;
import io.jiasu.user.UserService;
import io.jiasu.user.UserView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers the leaderboard from the players collection: standings to rebuild a lost board, and the rows it shows. */
@ApplicationScoped
class PlayerBoard implements BoardPlayers {
    private final PlayerStore store;
    private final UserService users;

    PlayerBoard(PlayerStore store, UserService users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public Uni<List<Standing>> standings(Campaign campaign) {
        return store.allOf(campaign.id())
                .filter(player -> !users.isBanned(player.userId()))
                .map(player -> player.standing(campaign.progressAfter(player.helpCount())))
                .collect()
                .asList();
    }

    @Override
    public Uni<List<Standing>> standingsSince(Campaign campaign, Instant since) {
        return store.helpedSince(campaign.id(), since)
                .filter(player -> !users.isBanned(player.userId()))
                .map(player -> player.standing(campaign.progressAfter(player.helpCount())))
                .collect()
                .asList();
    }

    @Override
    public Uni<List<Ranked>> rows(Campaign campaign, List<String> shareCodes) {
        return store.findAll(shareCodes)
                .flatMap(players -> users.cards(
                                players.stream().map(Player::userId).toList())
                        .map(cards -> {
                            Map<String, Player> byCode = new HashMap<>();
                            players.forEach(p -> byCode.put(p.shareCode(), p));
                            List<Ranked> rows = new ArrayList<>();
                            for (String code : shareCodes) {
                                Player player = byCode.get(code);
                                // a help racing a ban may have put the banned player back on the Redis board
                                if (player != null && !users.isBanned(player.userId())) {
                                    UserView card = cards.get(player.userId());
                                    rows.add(new Ranked(
                                            player.shareCode(),
                                            card == null ? null : card.nickname(),
                                            card == null ? null : card.avatarUrl(),
                                            campaign.progressAfter(player.helpCount()),
                                            player.finishedAt()));
                                }
                            }
                            return rows;
                        }));
    }
}
