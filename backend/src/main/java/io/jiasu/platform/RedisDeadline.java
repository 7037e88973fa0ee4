package io.jiasu.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The time any Redis command on the request path may take. The reactive client has no per-command timeout of its
 * own ({@code quarkus.redis.timeout} bounds only the blocking API and the health check), so a stalled Redis (a
 * stopped process, {@code CLIENT PAUSE}, a failover) would hold every signed-in request for as long as it lasts.
 * Every store puts its commands through {@link #bound}: past the deadline the request is a 503 with Retry-After
 * ({@link DependencyUnavailable}), and the command, if Redis ever runs it, changes nothing the caller was promised.
 */
@ApplicationScoped
public class RedisDeadline {
    private final Duration timeout;

    RedisDeadline(Config config) {
        this.timeout = config.commandTimeout();
    }

    public <T> Uni<T> bound(Uni<T> command) {
        return command.ifNoItem()
                .after(timeout)
                .failWith(() ->
                        new DependencyUnavailable("Redis (no answer within " + timeout.toMillis() + " ms)", null));
    }

    @ConfigMapping(prefix = "jiasu.redis")
    interface Config {
        /** REDIS_COMMAND_TIMEOUT; its default is in application.properties. */
        Duration commandTimeout();
    }
}
