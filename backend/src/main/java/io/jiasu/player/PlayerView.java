package io.jiasu.player;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * GET /players/me: the player's own run, their prize and claim, their live rank, who brought them (null for a seed)
 * and how many players joined through them.
 */
public record PlayerView(
        String shareCode,
        @JsonUnwrapped Progress run,
        Integer prizeRank,
        boolean claimed,
        Integer rank,
        InvitedBy invitedBy,
        long invited) {}
