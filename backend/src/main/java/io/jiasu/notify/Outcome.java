package io.jiasu.notify;

import java.util.Locale;

/** What became of a player's subscribe message. */
enum Outcome {
    /** Taken, not yet answered by WeChat (stays so if the instance died in between: it is not retried). */
    PENDING,
    SENT,
    /** The user had not subscribed (43101). */
    REFUSED,
    /** WeChat failed or timed out; recorded, not retried. */
    FAILED;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
