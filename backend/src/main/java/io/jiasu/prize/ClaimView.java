package io.jiasu.prize;

import java.time.Instant;

/** The stored claim as its owner sees it: every personal field masked, and whether it waits for a review. */
public record ClaimView(String name, String phone, String address, Instant claimedAt, Review review) {
    static ClaimView of(Claim claim, PersonalData data) {
        PersonalData masked = data.masked();
        return new ClaimView(masked.name(), masked.phone(), masked.address(), claim.claimedAt(), claim.review());
    }
}
