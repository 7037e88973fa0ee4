package io.jiasu.player;

import io.jiasu.campaign.Campaign;
import java.time.Instant;

/**
 * How far a player's run is, as every view of a player shows it: progress under the published schedule, how many
 * friends helped and how many more are needed, and when the goal was reached.
 */
public record Progress(int progress, int goal, int helpers, int friendsNeeded, Instant finishedAt) {
    static Progress of(Campaign campaign, Player player) {
        return new Progress(
                campaign.progressAfter(player.helpCount()),
                campaign.goal(),
                player.helpCount(),
                campaign.helpsToGoal() - player.helpCount(),
                player.finishedAt());
    }
}
