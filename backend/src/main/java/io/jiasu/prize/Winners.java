package io.jiasu.prize;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /winners: exactly the prize holders, in rank order. */
public record Winners(List<Entry> winners) {
    /** One prize holder. */
    @Schema(name = "WinnersEntry")
    public record Entry(int rank, String nickname, String avatarUrl, Instant finishedAt) {}
}
