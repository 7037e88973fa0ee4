package io.jiasu.risk;

/** A player's face in operators' lists: nickname and avatar (no user id, no personal data). */
public record Face(String nickname, String avatarUrl) {}
