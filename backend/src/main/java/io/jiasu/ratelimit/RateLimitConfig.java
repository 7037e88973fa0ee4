package io.jiasu.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Requests allowed per sliding window, per route, per user and per client address; 0 turns a limit off. Per-address
 * limits are high because a campus or carrier NAT puts hundreds of real users behind one address.
 */
@ConfigMapping(prefix = "jiasu.rate-limit")
interface RateLimitConfig {
    /** The sliding window all limits count over. */
    @WithDefault("60s")
    Duration window();

    /** Logins of one user per window (RATE_LIMIT_LOGIN_PER_USER). */
    @WithDefault("10")
    int loginPerUser();

    /** Logins from one address per window (RATE_LIMIT_LOGIN_PER_IP). */
    @WithDefault("3000")
    int loginPerIp();

    /** Help requests of one user per window, accepted or not (RATE_LIMIT_HELP_PER_USER). */
    @WithDefault("60")
    int helpPerUser();

    /** Help requests from one address per window (RATE_LIMIT_HELP_PER_IP). */
    @WithDefault("12000")
    int helpPerIp();

    /** Claim submissions of one user per window (RATE_LIMIT_CLAIM_PER_USER). */
    @WithDefault("10")
    int claimPerUser();

    /** Claim submissions from one address per window (RATE_LIMIT_CLAIM_PER_IP). */
    @WithDefault("600")
    int claimPerIp();
}
