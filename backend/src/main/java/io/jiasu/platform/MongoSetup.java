package io.jiasu.platform;

import com.mongodb.MongoTimeoutException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * What a store does with MongoDB once, at start (its indexes): each attempt has the same bound as every request
 * ({@link MongoDeadline}), and a timed-out attempt is tried again for up to 30 s, so a busy MongoDB (an instance
 * restarted under load) slows a start instead of failing it.
 */
public final class MongoSetup {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private MongoSetup() {}

    public static <T> T await(Uni<T> step) {
        return step.onFailure(MongoTimeoutException.class)
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2))
                .expireIn(PATIENCE.toMillis())
                .await()
                .atMost(PATIENCE.plusSeconds(5));
    }
}
