package io.jiasu.player;

import java.time.Instant;

/** A player as a leaderboard row shows them. */
public record Ranked(String nickname, String avatarUrl, int progress, Instant finishedAt) {}
