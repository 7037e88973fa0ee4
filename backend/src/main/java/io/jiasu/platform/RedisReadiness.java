package io.jiasu.platform;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says down as soon as Redis stops answering: a PING under the same deadline as every request's command
 * ({@link RedisDeadline}). It replaces the client's own check ({@code quarkus.redis.health.enabled=false}), which
 * waited on a stalled Redis for as long as the stall lasted and stayed green meanwhile.
 */
@Readiness
@ApplicationScoped
class RedisReadiness implements AsyncHealthCheck {
    private static final String NAME = "Redis connection health check";

    private final ReactiveRedisDataSource redis;
    private final RedisDeadline deadline;

    RedisReadiness(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.redis = redis;
        this.deadline = deadline;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return deadline.bound(redis.execute("PING"))
                .map(pong -> HealthCheckResponse.up(NAME))
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("reason", e.getClass().getSimpleName())
                        .build());
    }
}
