package io.jiasu.platform;

/**
 * A request path that takes a bigger body than the API's 16 KiB, declared as a CDI bean by the feature that serves
 * it; {@code maxBytes} is the whole body as sent, multipart framing included.
 */
public record BodyLimit(String path, long maxBytes) {}
