package io.jiasu.risk;

import java.time.Instant;

/**
 * A held help in the review queue and the answer to its review: whose, from whom, when, its risk, its state, who
 * decided when, and what applying it did ({@code outcome}, only once approved).
 */
public record HeldHelpView(
        String id,
        String shareCode,
        Face player,
        HelperCard helper,
        Instant at,
        Integer scene,
        Risk risk,
        String state,
        String decidedBy,
        Instant decidedAt,
        Applied outcome) {}
