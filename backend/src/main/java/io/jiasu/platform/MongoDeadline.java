package io.jiasu.platform;

import com.mongodb.MongoClientSettings;
import io.quarkus.mongodb.runtime.MongoClientCustomizer;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The time any MongoDB operation may take, all of it: server selection, the wait for a pooled connection, the socket
 * reads and the driver's one retry (the driver's client-side operation timeout, {@code timeoutMS}). A stalled MongoDB (a
 * stopped process, a hung primary) otherwise held a request for a read timeout, then again for its retry, behind a
 * pool that queued for two minutes. Past the deadline the driver throws a {@code MongoOperationTimeoutException}: a 503
 * with Retry-After ({@link ProblemMapper}), and readiness, whose ping shares the bound, goes down as fast.
 */
@ApplicationScoped
class MongoDeadline implements MongoClientCustomizer {
    private final Duration timeout;

    MongoDeadline(Config config) {
        this.timeout = config.operationTimeout();
    }

    @Override
    public MongoClientSettings.Builder customize(MongoClientSettings.Builder builder) {
        return builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @ConfigMapping(prefix = "jiasu.mongo")
    interface Config {
        /** MONGODB_OPERATION_TIMEOUT; its default is in application.properties. */
        Duration operationTimeout();
    }
}
