package io.jiasu.session;

import io.jiasu.platform.ApiException;
import io.jiasu.platform.Forbidden;
import io.jiasu.platform.RandomIds;
import io.jiasu.ratelimit.RateLimitService;
import io.jiasu.ratelimit.Route;
import io.jiasu.user.UserService;
import io.jiasu.user.UserView;
import io.jiasu.wechat.WechatClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Logs users in with a wx.login code and keeps their sessions; counts logins in {@code jiasu.session.logins}. */
@ApplicationScoped
class SessionService {
    private final WechatClient wechat;
    private final UserService users;
    private final SessionStore sessions;
    private final SessionCache cache;
    private final SessionConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final RateLimitService limits;

    SessionService(
            WechatClient wechat,
            UserService users,
            SessionStore sessions,
            SessionCache cache,
            SessionConfig config,
            Clock clock,
            MeterRegistry metrics,
            RateLimitService limits) {
        this.wechat = wechat;
        this.users = users;
        this.sessions = sessions;
        this.cache = cache;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.limits = limits;
    }

    Uni<SessionCreated> login(LoginRequest request) {
        String token = RandomIds.token();
        return wechat.login(request.code())
                .flatMap(users::signIn)
                .invoke(user -> {
                    if (user.banned()) {
                        throw new Forbidden("This account has been banned.");
                    }
                })
                .call(user -> limits.admit(Route.LOGIN, user.id(), null))
                .flatMap(user -> sessions.open(
                                token, user.id(), config.ttl(), clock.instant().plus(config.maxLifetime()))
                        .map(ignored ->
                                new SessionCreated(token, clock.instant().plus(config.ttl()), UserView.of(user))))
                .onItemOrFailure()
                .invoke((created, failure) -> metrics.counter(
                                "jiasu.session.logins", "outcome", ApiException.outcome(failure, "ok"))
                        .increment());
    }

    /** Signs this session out: it stops working at once, on every instance. */
    Uni<Void> logout(String token) {
        return cache.close(token);
    }

    /** Signs the user out everywhere: every token of theirs stops working at once. */
    Uni<Void> logoutEverywhere(String userId) {
        return cache.closeAll(userId);
    }

    /** The user id of a live token, or null; its sliding expiry is pushed out now and then ({@link SessionCache}). */
    Uni<String> userOf(String token) {
        return cache.userOf(token);
    }
}
