package io.jiasu.prize;

import java.time.Instant;

/** A prize holder as the console lists them: claim status and contact, masked like every API answer. */
public record AdminWinner(
        int rank,
        String shareCode,
        String nickname,
        String avatarUrl,
        Instant finishedAt,
        WinnerStatus status,
        String name,
        String phone,
        String address,
        Instant claimedAt) {}
