package io.jiasu.player;

/** The answer to a join: the player view, and whether this request created the player (201) or found it (200). */
public record Joined(PlayerView player, boolean created) {}
