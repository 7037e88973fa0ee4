package io.jiasu.player;

import java.time.Instant;

/** A player who reached the goal: what settling their prize needs to know. */
public record Finisher(String campaignId, String shareCode, String userId, Instant finishedAt) {}
