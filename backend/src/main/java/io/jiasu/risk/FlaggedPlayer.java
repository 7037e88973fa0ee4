package io.jiasu.risk;

import java.time.Instant;
import java.util.Map;

/**
 * A player who received risky helps, in the review queue: face, progress, helpers, helps waiting for a decision, how
 * many helps carried each signal ({@code held}: how many were held in all), the latest.
 */
public record FlaggedPlayer(
        String shareCode,
        String nickname,
        String avatarUrl,
        Integer progress,
        Integer helpers,
        int held,
        Map<String, Long> signals,
        Instant lastAt) {}
