package io.jiasu.ratelimit;

import io.jiasu.platform.ApiException;

/** Too many requests on a limited route; the client is told when to come back. */
final class RateLimited extends ApiException {
    private final int retryAfterSeconds;

    RateLimited(int retryAfterSeconds) {
        super(429, "RATE_LIMITED", "Too many requests", "Too many requests; please try again in a moment.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
