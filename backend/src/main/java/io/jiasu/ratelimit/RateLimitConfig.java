package io.jiasu.ratelimit;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * Requests allowed per sliding window, per route, per user and per client address; 0 turns a limit off. Per-address
 * limits are high because a campus or carrier NAT puts hundreds of real users behind one address. Each value comes
 * from the environment variable named beside it, and its default is in application.properties.
 */
@ConfigMapping(prefix = "jiasu.rate-limit")
interface RateLimitConfig {
    /** The sliding window all limits count over (RATE_LIMIT_WINDOW). */
    Duration window();

    /** Logins of one user per window (RATE_LIMIT_LOGIN_PER_USER). */
    int loginPerUser();

    /** Logins from one address per window (RATE_LIMIT_LOGIN_PER_IP). */
    int loginPerIp();

    /** Help requests of one user per window, accepted or not (RATE_LIMIT_HELP_PER_USER). */
    int helpPerUser();

    /** Help requests from one address per window (RATE_LIMIT_HELP_PER_IP). */
    int helpPerIp();

    /** Claim submissions of one user per window (RATE_LIMIT_CLAIM_PER_USER). */
    int claimPerUser();

    /** Claim submissions from one address per window (RATE_LIMIT_CLAIM_PER_IP). */
    int claimPerIp();
}
