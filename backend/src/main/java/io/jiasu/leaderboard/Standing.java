package io.jiasu.leaderboard;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a player stands: progress, and for ties who got there first. Winners rank by prize rank and other finishers by
 * their finish sequence (both handed out at the one point that serialises finishes), so the board, the winners list
 * and the finish times agree; everyone else by the moment they reached their progress.
 */
public record Standing(String shareCode, int progress, Instant reachedAt, Integer prizeRank, Long finishSeq) {
    private static final long TIE_SPAN = 1L << 33;
    private static final long PRIZE_RANKS = 1L << 20;

    /**
     * One double that sorts like the standing, highest first: progress (below 2^20) times 2^33, plus a tie-breaker
     * that is larger the earlier the player got there. Stays within the 53 exact bits of a double.
     */
    double score(Instant campaignStart) {
        long order;
        if (prizeRank != null) {
            order = prizeRank;
        } else if (finishSeq != null) {
            order = PRIZE_RANKS + Math.min(finishSeq, TIE_SPAN - PRIZE_RANKS - 1);
        } else {
            long millis = Math.max(0, Duration.between(campaignStart, reachedAt).toMillis());
            order = PRIZE_RANKS + Math.min(millis, TIE_SPAN - PRIZE_RANKS - 1);
        }
        return (double) progress * TIE_SPAN + (TIE_SPAN - 1 - order);
    }
}
