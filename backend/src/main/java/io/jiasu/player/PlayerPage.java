package io.jiasu.player;

import io.jiasu.platform.PreparedJson;
import io.jiasu.user.UserView;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * A landing page's snapshot: the player's run, who helped them (for {@code boostedByMe}), and the page's JSON for the
 * owner's card it was last written with, once per kind of viewer (anonymous, helped, not yet helped).
 */
final class PlayerPage {
    private final Player player;
    private final Progress run;
    private final Set<String> helpers;
    private volatile Written written;

    PlayerPage(Player player, Progress run) {
        this.player = player;
        this.run = run;
        Set<String> helped = new HashSet<>();
        player.helps().forEach(help -> helped.add(help.userId()));
        this.helpers = helped;
    }

    /** The page's JSON as written for one owner's card: anonymous, helped by the viewer, not helped by them. */
    private record Written(UserView card, PreparedJson[] answers) {}

    String campaignId() {
        return player.campaignId();
    }

    String ownerId() {
        return player.userId();
    }

    /** The public view; {@code viewerId} null for an anonymous viewer, who is told nothing of their own help. */
    PublicPlayerView view(UserView owner, String viewerId) {
        return new PublicPlayerView(
                player.shareCode(),
                owner.nickname(),
                owner.avatarUrl(),
                run,
                viewerId == null ? null : helpers.contains(viewerId));
    }

    /** The view's JSON, written at most once per owner's card and kind of viewer. */
    PreparedJson json(UserView owner, String viewerId, Function<PublicPlayerView, PreparedJson> write) {
        Written current = written;
        if (current == null || current.card() != owner) {
            current = new Written(owner, new PreparedJson[3]);
            written = current;
        }
        int slot = viewerId == null ? 0 : helpers.contains(viewerId) ? 1 : 2;
        PreparedJson answer = current.answers()[slot];
        if (answer == null) {
            answer = write.apply(view(owner, viewerId));
            current.answers()[slot] = answer;
        }
        return answer;
    }
}
