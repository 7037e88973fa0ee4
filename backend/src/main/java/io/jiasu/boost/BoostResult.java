package io.jiasu.boost;

/** POST /boosts: what the tap did, as the helper sees it. */
public record BoostResult(int amount, int progress, int goal, boolean finished, Integer prizeRank) {}
