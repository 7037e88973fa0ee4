package io.jiasu.admin;

import io.jiasu.platform.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;

/** Runs an admin action and writes it to the audit log, whether it succeeded or not; the action fails if the log can't be written. */
@ApplicationScoped
class Audited {
    private final AuditLog log;
    private final Clock clock;

    Audited(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    <T> Uni<T> run(Operator operator, String action, String target, Uni<T> work, Function<T, String> detail) {
        return work.onItemOrFailure().call((item, failure) -> log.record(
                operator, action, target, failure == null ? "ok" : code(failure), failure == null ? detail.apply(item) : null, clock.instant()));
    }

    private static String code(Throwable failure) {
        return failure instanceof ApiException api ? api.code().toLowerCase(Locale.ROOT) : "error";
    }
}
