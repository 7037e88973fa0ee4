package io.jiasu.player;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** GET /players/me/boosts: every help the player received, newest first. */
public record BoostList(List<Entry> boosts) {
    /** One help: who, how much it added, when. */
    @Schema(name = "BoostListEntry")
    public record Entry(String nickname, String avatarUrl, int amount, Instant at) {}
}
