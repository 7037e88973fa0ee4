package io.jiasu.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.jiasu.platform.Subscription;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This instance's copy of the sessions it has seen lately, so an authenticated request costs no Redis round trip.
 * An entry is trusted for {@code recheck-every} after Redis confirmed it (that confirmation also pushes the sliding
 * expiry out: at most one touch per session and instance in that time), and never past the session's absolute end.
 * Every ending of a session (sign-out, sign-out everywhere) is announced on Redis pub/sub and drops the entry on every
 * instance at once. While the subscription is down nothing is trusted (every request asks Redis); when it is back the
 * whole copy is dropped, since messages may have been missed meanwhile. Counts hits and misses in {@code
 * jiasu.session.cache} (tag {@code outcome}); {@code jiasu.session.cache.listening} is 1 while the channel is up.
 *
 * <p>The copy is looked up by the token itself, so a hit costs a map read and no SHA-256: this process holds the
 * token anyway while it answers the request, and the copy never leaves it (Redis and the channel only ever see the
 * digest). Each entry keeps its digest, and an index from digest to token lets a revocation find it.
 */
@ApplicationScoped
class SessionCache {

    private final SessionStore store;
    private final Clock clock;
    private final Duration ttl;
    /** By token. */
    private final Cache<String, Entry> entries;
    /** Digest to token, for the revocations, which name digests; an entry evicted or dropped leaves it too. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Bumped by every revocation and loss of the channel: a Redis answer read before one is not kept after it. */
    private final AtomicLong epoch = new AtomicLong();

    private final Subscription revocations;
    private final Counter hits;
    private final Counter misses;

    SessionCache(SessionStore store, SessionConfig config, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.clock = clock;
        this.ttl = config.ttl();
        this.entries = Caffeine.newBuilder()
                .maximumSize(config.cachedSessions())
                .expireAfterWrite(config.recheckEvery())
                .executor(Runnable::run)
                // run inside the eviction itself: a later put of the same token is never undone by it
                .<String, Entry>evictionListener((token, entry, cause) -> {
                    if (entry != null) {
                        tokens.remove(entry.digest(), token);
                    }
                })
                .build();
        this.hits = metrics.counter("jiasu.session.cache", "outcome", "hit");
        this.misses = metrics.counter("jiasu.session.cache", "outcome", "miss");
        this.revocations = new Subscription(
                "session revocations",
                "every session is read from Redis",
                ended -> store.listen(this::revoked, ended),
                this::drop);
        metrics.gauge("jiasu.session.cache.listening", this, cache -> cache.listening() ? 1 : 0);
    }

    /** A session as this instance last saw it confirmed; {@code answer} is built once and handed to every hit. */
    private record Entry(String userId, String digest, long endsAtSecond, Uni<String> answer) {}

    /**
     * Subscribes once the app runs (a subscription made from the startup event never completed) and again whenever
     * the channel was lost: nothing is cached until it is there.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> keepListening() {
        return revocations.keep();
    }

    /** Subscribes to the revocations; once subscribed, the copy starts empty and is trusted. */
    Uni<Void> listen() {
        return revocations.listen();
    }

    /** True while revocations arrive: only then is anything cached. */
    boolean listening() {
        return revocations.listening();
    }

    /** Stops listening (the app stops): the copy is no longer trusted. */
    Uni<Void> stop() {
        return revocations.stop();
    }

    void stopOnShutdown(@Observes ShutdownEvent shutdown) {
        stop().subscribe().with(ignored -> {}, failure -> {});
    }

    /** The user of a live token, from this instance's copy when it may be trusted, else from Redis; or null. */
    Uni<String> userOf(String token) {
        Entry entry = entries.getIfPresent(token);
        if (entry != null && revocations.listening()) {
            if (clock.millis() / 1000 < entry.endsAtSecond()) {
                hits.increment();
                return entry.answer();
            }
            drop(token, entry);
        }
        misses.increment();
        String digest = SessionStore.digest(token);
        long seen = epoch.get();
        return store.touch(digest, ttl, clock.instant()).map(live -> {
            if (live == null) {
                return null;
            }
            if (revocations.listening() && epoch.get() == seen) {
                entries.put(
                        token,
                        new Entry(
                                live.userId(),
                                digest,
                                live.endsAt(),
                                Uni.createFrom().item(live.userId())));
                tokens.put(digest, token);
                if (epoch.get() != seen) {
                    // a revocation or a lost channel came in between: it may not have found this entry yet
                    forget(digest);
                }
            }
            return live.userId();
        });
    }

    /** Ends one session: here at once, on the other instances through the channel. */
    Uni<Void> close(String token) {
        String digest = SessionStore.digest(token);
        forget(digest);
        return store.close(digest).invoke(() -> forget(digest));
    }

    /** Ends every session of the user: here at once, on the other instances through the channel. */
    Uni<Void> closeAll(String userId) {
        forgetUser(userId);
        return store.closeAll(userId).invoke(() -> forgetUser(userId));
    }

    private void revoked(SessionStore.Revocation revocation) {
        if (revocation.digest() != null) {
            forget(revocation.digest());
        } else {
            forgetUser(revocation.userId());
        }
    }

    private void forget(String digest) {
        epoch.incrementAndGet();
        String token = tokens.remove(digest);
        if (token != null) {
            entries.invalidate(token);
        }
    }

    private void forgetUser(String userId) {
        epoch.incrementAndGet();
        entries.asMap().entrySet().removeIf(entry -> {
            if (!entry.getValue().userId().equals(userId)) {
                return false;
            }
            tokens.remove(entry.getValue().digest(), entry.getKey());
            return true;
        });
    }

    private void drop(String token, Entry entry) {
        entries.asMap().remove(token, entry);
        tokens.remove(entry.digest(), token);
    }

    private void drop() {
        epoch.incrementAndGet();
        entries.invalidateAll();
        tokens.clear();
    }
}
