package io.jiasu.admin;

import io.jiasu.platform.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit log of admin actions: runs an action and records it whether it succeeded or not (the action fails if its
 * entry can't be written), and lists the latest entries.
 */
@ApplicationScoped
class AuditService {
    private final AuditStore store;
    private final Clock clock;

    AuditService(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Runs the action and records it; a request refused before the action starts (VALIDATION_FAILED) is recorded too. */
    <T> Uni<T> run(
            Operator operator,
            String action,
            String target,
            Supplier<Uni<? extends T>> work,
            Function<T, String> detail) {
        return Uni.createFrom()
                .deferred(work)
                .onItemOrFailure()
                .call((item, failure) -> store.record(
                        operator,
                        action,
                        target,
                        ApiException.outcome(failure, "ok"),
                        failure == null ? detail.apply(item) : null,
                        clock.instant()));
    }

    /** The latest admin actions, newest first (1 to 1000). */
    Uni<AuditEntries> recent(int limit) {
        return store.recent(Math.max(1, Math.min(1000, limit))).map(AuditEntries::new);
    }
}
