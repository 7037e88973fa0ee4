package io.jiasu.leaderboard;

import java.time.Instant;

/** A player as a leaderboard row shows them; the share code is for operators, the public board leaves it out. */
public record Ranked(String shareCode, String nickname, String avatarUrl, int progress, Instant finishedAt) {}
