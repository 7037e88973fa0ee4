package io.jiasu.ratelimit;

import io.jiasu.platform.ClientAddress;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimit} before a resource method runs. The user is counted when the request carries a user's
 * session (login counts its user in the service, once WeChat has named them); the address always.
 */
class RateLimitFilter {
    private final RateLimitService limiter;
    private final ClientAddress addresses;
    private final CurrentIdentityAssociation identity;
    private final Map<Method, Optional<Route>> routes = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitService limiter, ClientAddress addresses, CurrentIdentityAssociation identity) {
        this.limiter = limiter;
        this.addresses = addresses;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> limit(ResourceInfo resource, HttpServerRequest request) {
        Method method = resource.getResourceMethod();
        Optional<Route> route = method == null
                ? Optional.empty()
                : routes.computeIfAbsent(
                        method,
                        m -> Optional.ofNullable(m.getAnnotation(RateLimit.class))
                                .map(RateLimit::value));
        if (route.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String address = addresses.of(request);
        return identity.getDeferredIdentity()
                .flatMap(caller -> limiter.admit(
                        route.get(),
                        caller.isAnonymous() || !caller.hasRole("user")
                                ? null
                                : caller.getPrincipal().getName(),
                        address));
    }
}
