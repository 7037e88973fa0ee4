package io.jiasu.player;

/** How a campaign's players are doing, counted from the record. */
public record PlayerCounts(long players, long boosts, long helpers, long finished) {}
