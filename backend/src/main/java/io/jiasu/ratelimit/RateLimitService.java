package io.jiasu.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Admits or refuses a request on a limited route, per user and per client address; counts refusals in {@code jiasu.ratelimit.refused}. */
@ApplicationScoped
public class RateLimitService {
    private final RateLimitStore store;
    private final RateLimitConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    RateLimitService(RateLimitStore store, RateLimitConfig config, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Fails with RATE_LIMITED (and its Retry-After) when the user or the address used up the route's window. */
    public Uni<Void> admit(Route route, String userId, String address) {
        String name = route.name().toLowerCase(Locale.ROOT);
        List<RateLimitStore.Counter> counters = new ArrayList<>(2);
        if (userId != null && perUser(route) > 0) {
            counters.add(new RateLimitStore.Counter(name + ":user:" + userId, perUser(route)));
        }
        if (address != null && perIp(route) > 0) {
            counters.add(new RateLimitStore.Counter(name + ":ip:" + address, perIp(route)));
        }
        if (counters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.admit(counters, config.window(), clock.instant())
                .invoke(waitMillis -> {
                    if (waitMillis > 0) {
                        metrics.counter("jiasu.ratelimit.refused", "route", name)
                                .increment();
                        throw new RateLimited((int) Math.max(1, (waitMillis + 999) / 1000));
                    }
                })
                .replaceWithVoid();
    }

    private int perUser(Route route) {
        return switch (route) {
            case LOGIN -> config.loginPerUser();
            case HELP -> config.helpPerUser();
            case CLAIM -> config.claimPerUser();
        };
    }

    private int perIp(Route route) {
        return switch (route) {
            case LOGIN -> config.loginPerIp();
            case HELP -> config.helpPerIp();
            case CLAIM -> config.claimPerIp();
        };
    }
}
