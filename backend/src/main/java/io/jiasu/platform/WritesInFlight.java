package io.jiasu.platform;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The batched counter writes of a store, per campaign, and those still in flight: each flush is done when every flush
 * begun before it is done too, so a reader that flushes first sees every count this instance kept. A failed batch is
 * logged and dropped (what is batched so is a picture or an index, not the record).
 */
public final class WritesInFlight {
    private static final Duration AT_STOP = Duration.ofSeconds(3);

    private final Logger log;
    private final String whatIsLost;
    private volatile CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    public WritesInFlight(Logger log, String whatIsLost) {
        this.log = log;
        this.whatIsLost = whatIsLost;
    }

    /**
     * Drains each campaign's batch and starts writing what it held; the answer completes when these writes and every
     * flush started before them are done. One flush at a time takes its place in that order (readers flush too).
     */
    public synchronized <B, D> Uni<Void> flush(
            Map<String, B> batches, Function<B, D> drain, BiFunction<String, D, Uni<Void>> write) {
        List<Uni<Void>> writes = new ArrayList<>();
        batches.forEach((campaignId, batch) -> {
            D drained = drain.apply(batch);
            if (drained != null) {
                writes.add(write.apply(campaignId, drained));
            }
        });
        CompletableFuture<Void> before = last;
        if (writes.isEmpty()) {
            return Uni.createFrom().completionStage(before);
        }
        CompletableFuture<Void> these = Uni.join()
                .all(writes)
                .andCollectFailures()
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> log.warnf("%s: %s", whatIsLost, e.toString()))
                .onFailure()
                .recoverWithNull()
                .subscribeAsCompletionStage();
        CompletableFuture<Void> both = CompletableFuture.allOf(before, these);
        last = both;
        return Uni.createFrom().completionStage(both);
    }

    /** On a clean stop: writes the last batch, waiting a few seconds at most. */
    public void flushAtStop(Supplier<Uni<Void>> flush) {
        try {
            flush.get().await().atMost(AT_STOP);
        } catch (RuntimeException e) {
            log.warnf("%s at stop: %s", whatIsLost, e.toString());
        }
    }
}
