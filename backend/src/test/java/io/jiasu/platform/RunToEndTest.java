package io.jiasu.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a request's client hanging up does to work begun through {@link RunToEnd}: nothing. */
class RunToEndTest {

    @Test
    void workGoesOnToItsLastStepWhenTheWaiterCancels() throws Exception {
        CompletableFuture<String> recorded = new CompletableFuture<>();
        AtomicInteger counted = new AtomicInteger();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Uni<Integer> help = Uni.createFrom()
                .completionStage(recorded)
                .map(ignored -> counted.incrementAndGet())
                .invoke(done::complete);

        Cancellable request = RunToEnd.of(help).subscribe().with(ignored -> {});
        request.cancel(); // the client hangs up while the record is being written
        recorded.complete("stored");

        assertEquals(1, done.get(5, TimeUnit.SECONDS));
        assertEquals(1, counted.get(), "counted once, not once per subscriber");
    }

    @Test
    void withoutItACancelledChainStopsBetweenSteps() {
        CompletableFuture<String> recorded = new CompletableFuture<>();
        AtomicInteger counted = new AtomicInteger();
        Uni<Integer> help = Uni.createFrom().completionStage(recorded).map(ignored -> counted.incrementAndGet());

        help.subscribe().with(ignored -> {}).cancel();
        recorded.complete("stored");

        assertTrue(counted.get() == 0, "the step after the record never ran");
    }

    @Test
    void theWaiterGetsTheWorksFailure() {
        Uni<String> failing = RunToEnd.of(Uni.createFrom().failure(new IllegalStateException("outage")));
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> failing.await().atMost(java.time.Duration.ofSeconds(5)));
        assertEquals("outage", thrown.getMessage());
    }
}
