package io.jiasu.player;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** GET /players/me: the player's own run, their prize and claim, and their live rank. */
public record PlayerView(
        String shareCode, @JsonUnwrapped Progress run, Integer prizeRank, boolean claimed, Integer rank) {}
