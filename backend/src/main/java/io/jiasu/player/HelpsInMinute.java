package io.jiasu.player;

import java.time.Instant;

/** How many helps a campaign received in the minute starting at {@code minute}. */
public record HelpsInMinute(Instant minute, long helps) {}
