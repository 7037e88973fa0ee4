package io.jiasu.rehearsal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The cards in flight: every share puts a player's card in front of {@code branching} friends. Friends take the
 * oldest card first, as a group chat's newest messages bury older ones only after they were read.
 */
final class SharePool {
    private final int branching;
    private final Deque<Card> cards = new ArrayDeque<>();

    SharePool(int branching) {
        this.branching = branching;
    }

    private static final class Card {
        final String shareCode;
        int friendsLeft;

        Card(String shareCode, int friendsLeft) {
            this.shareCode = shareCode;
            this.friendsLeft = friendsLeft;
        }
    }

    synchronized void share(String shareCode) {
        cards.addLast(new Card(shareCode, branching));
    }

    /** The share code of a card a new friend opens, if any is still waiting for friends. */
    synchronized Optional<String> open() {
        Card card = cards.peekFirst();
        if (card == null) {
            return Optional.empty();
        }
        if (--card.friendsLeft == 0) {
            cards.removeFirst();
        }
        return Optional.of(card.shareCode);
    }
}
