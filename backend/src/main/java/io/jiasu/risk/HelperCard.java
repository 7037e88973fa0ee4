package io.jiasu.risk;

import java.time.Instant;

/**
 * Who helped, as operators review it: their face, their own player in the campaign (null if they never joined) and
 * when their account was created.
 */
public record HelperCard(String nickname, String avatarUrl, String shareCode, Instant createdAt) {}
