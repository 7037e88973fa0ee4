package io.jiasu.platform;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * An in-process cache of values loaded on the request path, each loaded once however many requests ask for it at
 * the same moment. A request that goes away (its client hung up, its Uni cancelled) never cancels the load the others
 * wait on: each waiter gets its own copy of the shared load. A failed load is not kept. A hit is a map read, no
 * hand-off: Caffeine's upkeep runs on the calling thread.
 *
 * <p>Each value remembers when its load began ({@link System#nanoTime()}), so a caller may trust it for less than
 * the cache keeps it ({@link #get(Object, LongPredicate, Function)}).
 */
public final class Snapshots<K, V> {
    private static final LongPredicate ALWAYS = started -> true;

    private final AsyncCache<K, Stamped<V>> cache;

    private Snapshots(AsyncCache<K, Stamped<V>> cache) {
        this.cache = cache;
    }

    /** A value and the moment its load began. */
    private record Stamped<V>(V value, long started) {}

    /** Values at most {@code maxAge} old, at most {@code maxSize} of them. */
    public static <K, V> Snapshots<K, V> expiringAfterWrite(Duration maxAge, long maxSize) {
        return new Snapshots<>(Caffeine.newBuilder()
                .expireAfterWrite(maxAge)
                .maximumSize(maxSize)
                .executor(Runnable::run)
                .buildAsync());
    }

    /** Values that never change, dropped when unread for {@code idle} or when more than {@code maxSize} are kept. */
    public static <K, V> Snapshots<K, V> expiringAfterAccess(Duration idle, long maxSize) {
        return new Snapshots<>(Caffeine.newBuilder()
                .expireAfterAccess(idle)
                .maximumSize(maxSize)
                .executor(Runnable::run)
                .buildAsync());
    }

    /** The value of {@code key}, loaded by {@code load} unless held; concurrent misses share one load. */
    public Uni<V> get(K key, Function<K, Uni<V>> load) {
        return get(key, ALWAYS, load);
    }

    /**
     * The value of {@code key} if one is held whose load began at a moment {@code fresh} accepts, else loaded afresh
     * by {@code load} (concurrent misses share one load).
     */
    public Uni<V> get(K key, LongPredicate fresh, Function<K, Uni<V>> load) {
        CompletableFuture<Stamped<V>> shared = cache.getIfPresent(key);
        if (shared != null && shared.isDone() && !shared.isCompletedExceptionally()) {
            Stamped<V> held = shared.getNow(null);
            if (fresh.test(held.started())) {
                return Uni.createFrom().item(held.value());
            }
            cache.asMap().remove(key, shared);
            shared = null;
        }
        if (shared == null) {
            shared = cache.get(key, (k, executor) -> {
                long started = System.nanoTime();
                return load.apply(k).map(value -> new Stamped<>(value, started)).subscribeAsCompletionStage();
            });
        }
        // a copy: cancelling the answer of one request leaves the shared load alone
        return Uni.createFrom().completionStage(shared.copy()).map(Stamped::value);
    }

    /** The value of {@code key} if it is held, loaded and {@code fresh} accepts when its load began; else null. */
    public V peek(K key, LongPredicate fresh) {
        CompletableFuture<Stamped<V>> shared = cache.getIfPresent(key);
        if (shared == null || !shared.isDone() || shared.isCompletedExceptionally()) {
            return null;
        }
        Stamped<V> held = shared.getNow(null);
        return fresh.test(held.started()) ? held.value() : null;
    }

    /** Drops the value of {@code key}, or its load under way (whose waiters still get their answer, not kept). */
    public void forget(K key) {
        cache.synchronous().invalidate(key);
    }

    /**
     * Drops every value whose key and value match, and every load still under way (it may have read what the change
     * replaced; its waiters still get their answer, it is just not kept).
     */
    public void forgetIf(BiPredicate<K, V> which) {
        cache.asMap().entrySet().removeIf(entry -> {
            CompletableFuture<Stamped<V>> value = entry.getValue();
            return !value.isDone()
                    || (!value.isCompletedExceptionally()
                            && which.test(entry.getKey(), value.getNow(null).value()));
        });
    }

    /** Drops everything, loads under way included. */
    public void forgetAll() {
        cache.synchronous().invalidateAll();
    }
}
