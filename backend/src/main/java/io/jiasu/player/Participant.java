package io.jiasu.player;

import java.time.Instant;
import java.util.Map;

/**
 * One player of a campaign as the participants export lists it: progress, who brought them, the helps they received,
 * their finish, how many of those helps carried a risk signal and how many carried each (signal name → helps).
 */
public record Participant(
        String shareCode,
        String userId,
        int progress,
        int helpers,
        String invitedBy,
        int depth,
        Integer scene,
        Instant joinedAt,
        Instant finishedAt,
        Integer prizeRank,
        int riskyHelps,
        Map<String, Integer> riskSignals) {}
