package io.jiasu.localstack;

/** A {@code media_check_async} request the stub accepted; its verdict follows as a {@link MediaPush}. */
public record MediaCheck(String traceId, String openid, String mediaUrl, int mediaType, int scene) {}
