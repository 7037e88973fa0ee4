package io.jiasu.leaderboard;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /leaderboard: the best players, highest progress first, ties to whoever got there first. */
public record Leaderboard(List<Entry> entries, Instant generatedAt) {
    /** One row of the board. */
    @Schema(name = "LeaderboardEntry")
    public record Entry(int rank, String nickname, String avatarUrl, int progress, Instant finishedAt) {}
}
