package io.jiasu.prize;

import io.jiasu.platform.ApiException;

/** A claim after the campaign's claim deadline. */
final class ClaimClosed extends ApiException {
    ClaimClosed() {
        super(409, "CLAIM_CLOSED", "Claim closed", "The deadline for claiming prizes has passed.");
    }
}
