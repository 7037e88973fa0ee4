package io.jiasu.player;

/** How a campaign's players are doing: kept with the writes, recounted from the record ({@link CountStore}). */
public record PlayerCounts(long players, long boosts, long helpers, long finished) {}
