package io.jiasu.media;

import java.util.List;

/** The most recent media-check verdicts, newest first. */
public record MediaEvents(List<MediaEvent> events) {}
