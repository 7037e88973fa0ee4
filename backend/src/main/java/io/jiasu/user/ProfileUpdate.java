package io.jiasu.user;

import io.jiasu.platform.PlainText;

/**
 * PATCH /me: the fields a user may change; a missing field stays as it is. The avatar must be one this server issued
 * ({@code MediaService.issued} decides, since only the store knows).
 */
public record ProfileUpdate(@PlainText(min = 1, max = 20) String nickname, String avatarUrl) {}
