package io.jiasu.boost;

/**
 * POST /boosts: what the tap did, as the helper sees it; {@code held} when the campaign's hold policy kept a risky help
 * aside for an operator (it adds nothing until approved).
 */
public record BoostResult(int amount, int progress, int goal, boolean finished, Integer prizeRank, boolean held) {}
