package io.jiasu.admin;

import io.jiasu.prize.Review;

/** POST .../players/{shareCode}/claim/review: APPROVED or REJECTED. */
public record ReviewDecision(Review decision) {}
