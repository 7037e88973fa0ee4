package io.jiasu.user;

/** PATCH /me: the fields a user may change; a missing field stays as it is. */
public record ProfileUpdate(String nickname, String avatarUrl) {}
