package io.jiasu.player;

import io.jiasu.platform.PreparedJson;
import io.jiasu.user.UserView;
import java.util.Objects;
import java.util.function.Function;

/**
 * A players/me snapshot: the caller's run, prize, claim, whom they brought, and who brought them (the inviter's card
 * and the live rank are kept apart: they change without this player changing). Keeps the answer's JSON for the card
 * and rank it was last written with.
 */
final class PlayerOwn {
    private final Player player;
    private final Progress run;
    private final boolean claimed;
    private final long invited;
    private final String inviterCode;
    private final String inviterId;
    private volatile Written written;

    PlayerOwn(Player player, Progress run, boolean claimed, long invited, Player inviter) {
        this.player = player;
        this.run = run;
        this.claimed = claimed;
        this.invited = invited;
        this.inviterCode = inviter == null ? null : inviter.shareCode();
        this.inviterId = inviter == null ? null : inviter.userId();
    }

    private record Written(UserView inviter, Integer rank, PreparedJson answer) {}

    String shareCode() {
        return player.shareCode();
    }

    /** The inviter's user id, whose card the view shows; null for a seed player (or an inviter since gone). */
    String inviterId() {
        return inviterId;
    }

    PlayerView view(UserView inviter, Integer rank) {
        return new PlayerView(
                player.shareCode(),
                run,
                player.prizeRank(),
                claimed,
                rank,
                inviter == null ? null : new InvitedBy(inviterCode, inviter.nickname(), inviter.avatarUrl()),
                invited);
    }

    /** The view's JSON, written again only when the inviter's card or the rank changed. */
    PreparedJson json(UserView inviter, Integer rank, Function<PlayerView, PreparedJson> write) {
        Written current = written;
        if (current != null && current.inviter() == inviter && Objects.equals(current.rank(), rank)) {
            return current.answer();
        }
        PreparedJson answer = write.apply(view(inviter, rank));
        written = new Written(inviter, rank, answer);
        return answer;
    }
}
