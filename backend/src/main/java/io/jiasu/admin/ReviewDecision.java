package io.jiasu.admin;

import io.jiasu.platform.OneOf;
import io.jiasu.prize.Review;
import jakarta.validation.constraints.NotNull;

/** POST .../players/{shareCode}/claim/review: APPROVED or REJECTED. */
public record ReviewDecision(
        @NotNull(message = DECIDED)
        @OneOf(
                value = {"APPROVED", "REJECTED"},
                message = DECIDED)
        Review decision) {
    private static final String DECIDED = "must be APPROVED or REJECTED";
}
