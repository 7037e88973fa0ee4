package io.jiasu.player;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Values at most {@code maxAge} old, each loaded once however many requests ask for it at the same moment. A request
 * that goes away (its client hung up) never cancels the load the others wait on, and a failed load is not kept.
 * Caffeine's upkeep runs on the calling thread: no hand-off to another pool on the request path.
 */
final class Snapshots<K, V> {
    private final AsyncCache<K, V> cache;

    Snapshots(Duration maxAge, long maxSize) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(maxAge)
                .maximumSize(maxSize)
                .executor(Runnable::run)
                .buildAsync();
    }

    Uni<V> get(K key, Function<K, Uni<V>> load) {
        CompletableFuture<V> shared =
                cache.get(key, (k, executor) -> load.apply(k).subscribeAsCompletionStage());
        if (shared.isDone() && !shared.isCompletedExceptionally()) {
            return Uni.createFrom().item(shared.getNow(null));
        }
        // a copy: cancelling the answer of one request leaves the shared load alone
        return Uni.createFrom().completionStage(shared.copy());
    }

    void forget(K key) {
        cache.synchronous().invalidate(key);
    }
}
