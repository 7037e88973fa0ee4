package io.jiasu.player;

import java.time.Instant;

/** GET /players/me: the player's own run. */
public record PlayerView(
        String shareCode,
        int progress,
        int goal,
        int helpers,
        int friendsNeeded,
        Instant finishedAt,
        Integer prizeRank,
        boolean claimed,
        Integer rank) {}
