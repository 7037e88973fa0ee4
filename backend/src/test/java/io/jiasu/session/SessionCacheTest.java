package io.jiasu.session;

import static io.jiasu.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jiasu.JiasuTestStack;
import io.jiasu.platform.RandomIds;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' session caches on one real Redis: what one instance ends, the other refuses at once, although it
 * holds the session in memory and would otherwise not ask Redis for another ten seconds.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class SessionCacheTest {
    private static final Duration TTL = Duration.ofDays(7);
    /** How long a revocation may take to reach the other instance: pub/sub on loopback, on a busy 2-core box. */
    private static final Duration AT_ONCE = Duration.ofMillis(500);

    @Inject
    SessionStore store;

    @Inject
    SessionCache app;

    private final MovableClock clock = new MovableClock();
    private SessionCache one;
    private SessionCache other;

    @BeforeEach
    void twoInstances() {
        one = instance(Duration.ofSeconds(10));
        other = instance(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopInstances() {
        one.stop().await().indefinitely();
        other.stop().await().indefinitely();
    }

    @Test
    void aSessionSignedOutOnOneInstanceIsRefusedAtOnceByAnother() {
        String user = unique("u");
        String token = open(user);
        assertEquals(user, one.userOf(token).await().indefinitely());
        assertEquals(user, other.userOf(token).await().indefinitely());
        // Redis forgets the session behind the caches' backs: the other instance still answers from memory
        forgetInRedis(token);
        assertEquals(user, other.userOf(token).await().indefinitely(), "a cached session costs no Redis call");

        one.close(token).await().indefinitely();

        assertNull(one.userOf(token).await().indefinitely(), "refused at once where it was signed out");
        refusedWithin(AT_ONCE, other, token);
    }

    @Test
    void theAppsOwnCacheAnswersASessionItHasSeenFromMemory() {
        // the app subscribes once it runs (a scheduled check, every second)
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(app::listening);
        String user = unique("u");
        String token = open(user);
        assertEquals(user, app.userOf(token).await().indefinitely());
        forgetInRedis(token);
        assertEquals(user, app.userOf(token).await().indefinitely(), "no Redis call within the recheck");
        app.close(token).await().indefinitely();
        assertNull(app.userOf(token).await().indefinitely());
    }

    @Test
    void signingOutEverywhereOnOneInstanceEndsEverySessionOnAnother() {
        String user = unique("u");
        String phone = open(user);
        String tablet = open(user);
        String someoneElse = open(unique("u"));
        for (String token : new String[] {phone, tablet, someoneElse}) {
            other.userOf(token).await().indefinitely();
            forgetInRedis(token); // from here on, only the other instance's memory knows them
        }

        one.closeAll(user).await().indefinitely();

        refusedWithin(AT_ONCE, other, phone);
        refusedWithin(AT_ONCE, other, tablet);
        assertNotNull(other.userOf(someoneElse).await().indefinitely(), "another user's session stays cached");
    }

    @Test
    void aMissedRevocationIsCaughtByTheRecheck() {
        SessionCache quick = instance(Duration.ofSeconds(1));
        String user = unique("u");
        String token = open(user);
        assertEquals(user, quick.userOf(token).await().indefinitely());
        forgetInRedis(token); // as if the message had been lost

        assertEquals(user, quick.userOf(token).await().indefinitely(), "still trusted within the recheck");
        refusedWithin(Duration.ofSeconds(5), quick, token);
        quick.stop().await().indefinitely();
    }

    @Test
    void aCachedSessionEndsAtItsAbsoluteLifetime() {
        String user = unique("u");
        String token = RandomIds.token();
        Instant endsAt = clock.instant().plusSeconds(60);
        store.open(token, user, TTL, endsAt).await().indefinitely();
        assertEquals(user, other.userOf(token).await().indefinitely());

        clock.now.set(endsAt);

        assertNull(other.userOf(token).await().indefinitely(), "past its lifetime, even cached");
        assertEquals(":0", JiasuTestStack.redis().command("EXISTS jiasu:session:" + SessionStore.digest(token)));
    }

    @Test
    void losingTheChannelDropsWhatWasCachedAndTrustsNothingUntilItIsBack() {
        String user = unique("u");
        String cached = open(user);
        assertEquals(user, other.userOf(cached).await().indefinitely());
        forgetInRedis(cached);

        // every subscriber's connection is cut, as a Redis restart or failover does
        JiasuTestStack.redis().command("CLIENT KILL TYPE pubsub");

        refusedWithin(AT_ONCE, other, cached);
        String meanwhile = open(user);
        assertEquals(user, other.userOf(meanwhile).await().indefinitely());
        forgetInRedis(meanwhile);
        assertNull(other.userOf(meanwhile).await().indefinitely(), "nothing is kept while the channel is down");

        other.listen().await().indefinitely();
        String after = open(user);
        assertEquals(user, other.userOf(after).await().indefinitely());
        forgetInRedis(after);
        assertEquals(user, other.userOf(after).await().indefinitely(), "cached again once the channel is back");
    }

    private SessionCache instance(Duration recheckEvery) {
        SessionCache cache = new SessionCache(store, config(recheckEvery), clock, new SimpleMeterRegistry());
        cache.listen().await().indefinitely();
        return cache;
    }

    private String open(String user) {
        String token = RandomIds.token();
        store.open(token, user, TTL, clock.instant().plus(Duration.ofDays(30)))
                .await()
                .indefinitely();
        return token;
    }

    private static void forgetInRedis(String token) {
        JiasuTestStack.redis().command("DEL jiasu:session:" + SessionStore.digest(token));
    }

    private static void refusedWithin(Duration bound, SessionCache cache, String token) {
        Awaitility.await()
                .atMost(bound.toMillis(), TimeUnit.MILLISECONDS)
                .pollInterval(1, TimeUnit.MILLISECONDS)
                .until(() -> cache.userOf(token).await().indefinitely() == null);
    }

    private static SessionConfig config(Duration recheckEvery) {
        return new SessionConfig() {
            @Override
            public Duration ttl() {
                return TTL;
            }

            @Override
            public Duration maxLifetime() {
                return Duration.ofDays(30);
            }

            @Override
            public Duration recheckEvery() {
                return recheckEvery;
            }

            @Override
            public long cachedSessions() {
                return 1000;
            }
        };
    }

    /** A clock a test moves on by hand. */
    private static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
