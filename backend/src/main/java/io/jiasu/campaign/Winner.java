package io.jiasu.campaign;

import java.time.Instant;

/** A prize slot taken: rank 1..prizeTotal in the order players reached the goal. */
public record Winner(int rank, String shareCode, String userId, Instant finishedAt) {}
