package io.jiasu.prize;

import java.time.Instant;

/** A prize holder as operators list them: their slot, their card, and where their claim stands. */
public record PrizeHolder(
        int rank,
        String shareCode,
        String nickname,
        String avatarUrl,
        Instant finishedAt,
        WinnerStatus status,
        Instant claimedAt) {}
