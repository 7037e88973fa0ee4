package io.jiasu.player;

/** What one accepted help did: how much it added, where the player now is, and the prize if it won one. */
public record HelpOutcome(int amount, int progress, int goal, boolean finished, Integer prizeRank) {}
