package io.jiasu.prize;

import io.jiasu.platform.ApiException;

/** A claim by a player who holds no prize. */
final class NotWinner extends ApiException {
    NotWinner() {
        super(403, "NOT_WINNER", "Not a winner", "Only prize holders can claim a prize.");
    }
}
