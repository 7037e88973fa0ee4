package io.jiasu.player;

/** The player whose card brought this one: their share code and current face. */
public record InvitedBy(String shareCode, String nickname, String avatarUrl) {}
