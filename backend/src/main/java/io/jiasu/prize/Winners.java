package io.jiasu.prize;

import java.time.Instant;
import java.util.List;

/** GET /winners: exactly the prize holders, in rank order. */
public record Winners(List<Entry> winners) {
    /** One prize holder. */
    public record Entry(int rank, String nickname, String avatarUrl, Instant finishedAt) {}
}
