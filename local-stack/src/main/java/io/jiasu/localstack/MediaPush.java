package io.jiasu.localstack;

/**
 * A {@code wxa_media_check} event the stub pushed (or meant to push) for a media check: the verdict
 * ({@code suggest} null when {@code errcode} is not 0, e.g. -1008 for media that could not be fetched), where it
 * went, the receiver's HTTP status (0 when no push URL was set, -1 when the receiver could not be reached) and
 * the JSON body as sent, which {@code WxMaMessage.fromJson} reads.
 */
public record MediaPush(
        String traceId, String openid, int errcode, String suggest, String url, int status, String body) {}
