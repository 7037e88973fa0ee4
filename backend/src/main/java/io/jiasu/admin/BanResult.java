package io.jiasu.admin;

/** POST .../players/{shareCode}/ban: the player whose user is now banned everywhere. */
public record BanResult(String shareCode, boolean banned) {}
