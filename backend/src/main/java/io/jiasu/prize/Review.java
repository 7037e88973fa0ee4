package io.jiasu.prize;

/** Where a claim stands with content security and the operators. */
public enum Review {
    /** WeChat content security passed the text. */
    CLEAR,
    /** Content security did not answer in time: stored, waiting for an operator. */
    PENDING,
    /** An operator looked at a pending claim and accepted it. */
    APPROVED,
    /** An operator refused it; the winner may send a new claim. */
    REJECTED
}
