package io.jiasu.admin;

import java.time.Instant;

/** A leaderboard row as operators see it: with the share code a ban needs. */
public record AdminStanding(
        int rank, String shareCode, String nickname, String avatarUrl, int progress, Instant finishedAt) {}
