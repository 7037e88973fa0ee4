package io.jiasu.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The cache behind the campaigns, the share-code owners and the players' snapshots: one load for many waiters, and a
 * waiter that goes away (its client hung up) never takes the load from the others, as the Quarkus cache did.
 */
class SnapshotsTest {
    private static final int WAITERS = 8;

    @Test
    void aWaiterThatHangsUpLeavesTheSharedLoadToTheOthers() throws InterruptedException {
        Snapshots<String, String> snapshots = Snapshots.expiringAfterWrite(Duration.ofMinutes(1), 100);
        AtomicInteger loads = new AtomicInteger();
        CompletableFuture<String> store = new CompletableFuture<>();
        ConcurrentLinkedQueue<Object> answers = new ConcurrentLinkedQueue<>();
        CountDownLatch answered = new CountDownLatch(WAITERS - 1);

        List<Cancellable> waiters = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            waiters.add(snapshots
                    .get("demo", key -> {
                        loads.incrementAndGet();
                        return Uni.createFrom().completionStage(store);
                    })
                    .subscribe()
                    .with(
                            answer -> {
                                answers.add(answer);
                                answered.countDown();
                            },
                            failure -> {
                                answers.add(failure);
                                answered.countDown();
                            }));
        }
        waiters.get(0).cancel(); // the first client hangs up while the load is under way
        store.complete("campaign");

        assertTrue(answered.await(5, TimeUnit.SECONDS));
        assertEquals(1, loads.get(), "one load for every waiter");
        assertEquals(
                List.of("campaign", "campaign", "campaign", "campaign", "campaign", "campaign", "campaign"),
                List.copyOf(answers));
        assertEquals(
                "campaign",
                snapshots
                        .get("demo", key -> Uni.createFrom().failure(new AssertionError("loaded again")))
                        .await()
                        .atMost(Duration.ofSeconds(1)));
    }

    @Test
    void aFailedLoadIsNotKept() {
        Snapshots<String, String> snapshots = Snapshots.expiringAfterWrite(Duration.ofMinutes(1), 100);
        Uni<String> failed = snapshots.get("gone", key -> Uni.createFrom().failure(new NotFound("No such campaign.")));
        assertThrows(NotFound.class, () -> failed.await().indefinitely());
        assertEquals(
                "back",
                snapshots
                        .get("gone", key -> Uni.createFrom().item("back"))
                        .await()
                        .indefinitely());
    }

    @Test
    void aValueOlderThanTheCallerTrustsIsLoadedAgain() {
        Snapshots<String, Integer> snapshots = Snapshots.expiringAfterWrite(Duration.ofMinutes(1), 100);
        AtomicInteger loads = new AtomicInteger();
        snapshots
                .get("p", key -> Uni.createFrom().item(loads.incrementAndGet()))
                .await()
                .indefinitely();

        assertEquals(
                1,
                snapshots
                        .get("p", started -> true, key -> Uni.createFrom().item(loads.incrementAndGet()))
                        .await()
                        .indefinitely());
        assertEquals(
                2,
                snapshots
                        .get("p", started -> false, key -> Uni.createFrom().item(loads.incrementAndGet()))
                        .await()
                        .indefinitely());
        assertEquals(2, snapshots.peek("p", started -> true));
    }

    @Test
    void forgettingByValueDropsTheMatchesAndEveryLoadUnderWay() {
        Snapshots<String, String> snapshots = Snapshots.expiringAfterWrite(Duration.ofMinutes(1), 100);
        snapshots.get("alice", key -> Uni.createFrom().item("red.png")).await().indefinitely();
        snapshots.get("bob", key -> Uni.createFrom().item("blue.png")).await().indefinitely();
        CompletableFuture<String> slow = new CompletableFuture<>();
        Uni<String> carol = snapshots.get("carol", key -> Uni.createFrom().completionStage(slow));

        snapshots.forgetIf((user, avatar) -> avatar.equals("red.png"));
        slow.complete("red.png");

        assertEquals("red.png", carol.await().indefinitely(), "a waiter still gets its answer");
        assertNull(snapshots.peek("alice", started -> true));
        assertEquals("blue.png", snapshots.peek("bob", started -> true));
        assertNull(snapshots.peek("carol", started -> true), "a load under way while forgetting is not kept");
    }
}
