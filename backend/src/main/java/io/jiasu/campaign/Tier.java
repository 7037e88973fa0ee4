package io.jiasu.campaign;

/** One step of the published schedule: the next {@code helpers} helps add {@code amount} each; null helpers is open-ended. */
public record Tier(Integer helpers, Integer amount) {}
