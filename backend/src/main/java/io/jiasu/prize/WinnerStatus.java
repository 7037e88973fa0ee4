package io.jiasu.prize;

/** Where a prize stands for the operators who ship it. */
public enum WinnerStatus {
    /** No claim yet (or the last one was rejected and none came since). */
    UNCLAIMED,
    /** An address passed content security or an operator's review: ship it. */
    CLAIMED,
    /** Content security gave no verdict; an operator must look before shipping. */
    PENDING_REVIEW,
    /** An operator rejected the claim; the winner may send a new one. */
    REJECTED,
    /** The winner was banned: nothing is shipped, and the slot is not handed on. */
    REVOKED
}
