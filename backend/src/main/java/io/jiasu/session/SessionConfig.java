package io.jiasu.session;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Our own sessions, handed out for a wx.login code. */
@ConfigMapping(prefix = "jiasu.session")
interface SessionConfig {
    /** How long a token lives after its last use, sliding (SESSION_TTL; its default is in application.properties). */
    Duration ttl();

    /**
     * How long a session may live at all, however often it is used (SESSION_MAX_LIFETIME; its default is in
     * application.properties): a stolen token stops working by then even if it is used every day.
     */
    Duration maxLifetime();

    /**
     * How long an instance trusts a session Redis confirmed before asking Redis again, which also pushes the sliding
     * expiry out (SESSION_RECHECK_EVERY; its default is in application.properties): the safety net should a
     * revocation message be missed. 0 keeps nothing in memory.
     */
    Duration recheckEvery();

    /** How many sessions one instance keeps in memory at most (SESSION_CACHE_SIZE; default in application.properties). */
    long cachedSessions();
}
