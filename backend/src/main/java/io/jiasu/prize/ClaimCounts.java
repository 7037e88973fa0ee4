package io.jiasu.prize;

/** A campaign's claims that stand (not rejected), and how many of them wait for an operator's review. */
public record ClaimCounts(long claims, long pendingReview) {}
