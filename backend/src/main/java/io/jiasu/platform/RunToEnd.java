package io.jiasu.platform;

import io.smallrye.mutiny.Uni;

/**
 * Work whose effects must all happen once it has begun: a help the record took must also reach its counters, its
 * prize slot and its kept answer. A client hanging up cancels its request's Uni, and a cancelled chain stops between
 * steps; work started through here runs to its end anyway, and the request, while it waits, gets the same outcome.
 */
public final class RunToEnd {
    private RunToEnd() {}

    /** Starts {@code work} now and answers its outcome; cancelling the answer leaves the work running. */
    public static <T> Uni<T> of(Uni<T> work) {
        Uni<T> shared = work.memoize().indefinitely();
        // the outcome is the request's to handle (mapped to problem+json); this subscription only keeps the work going
        shared.subscribe().with(ignored -> {}, ignored -> {});
        return shared;
    }
}
