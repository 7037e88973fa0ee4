package io.jiasu.player;

/** A player in a list for operators: share code, whose it is, and how far the run got. */
public record PlayerSummary(String shareCode, String userId, Progress run) {}
