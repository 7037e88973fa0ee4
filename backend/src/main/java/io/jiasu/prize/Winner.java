package io.jiasu.prize;

import java.time.Instant;

/** A prize slot taken: rank 1..prizeTotal in the order players reached the goal. */
record Winner(int rank, String shareCode, String userId, Instant finishedAt) {}
