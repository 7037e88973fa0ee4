package io.jiasu.wechat;

/**
 * WeChat's verdict on an asynchronous media check, as pushed to us ({@code wxa_media_check}): the check's trace id,
 * the suggestion ({@code pass}, {@code review} or {@code risky}) and label; a CDI event for whoever checked.
 */
public record MediaVerdict(String traceId, String suggest, String label, boolean risky) {}
