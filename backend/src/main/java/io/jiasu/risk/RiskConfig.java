package io.jiasu.risk;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * How helps are judged for risk: WeChat's rank, the network burst, the new-account age and the ring size (defaults beside
 * their environment variables in application.properties).
 */
@ConfigMapping(prefix = "jiasu.risk")
interface RiskConfig {
    /** Whether WeChat is asked for helpers' risk ranks at all (RISK_WECHAT_RANK); off, no help carries wxRisk. */
    boolean wechatRank();

    /** The WeChat risk rank (0-4) from which a helper counts as high risk (RISK_HIGH_RANK). */
    int highRank();

    /** How long a helper's WeChat risk rank is kept in Redis before WeChat is asked again (RISK_RANK_TTL). */
    Duration rankTtl();

    /**
     * How long a help waits for WeChat's rank of a helper not in the cache (RISK_RANK_TIMEOUT); past it the help
     * goes on with the rank unknown, and WeChat's late answer still fills the cache.
     */
    Duration rankTimeout();

    /** How many helps to one player from one network (/24, /64) within the window are normal (RISK_NETWORK_HELPS). */
    int networkHelps();

    /** The window of the network count (RISK_NETWORK_WINDOW). */
    Duration networkWindow();

    /** An account younger than this when it helps, that never joins, is a brand-new account (RISK_NEW_ACCOUNT_AGE). */
    Duration newAccountAge();

    /** How often the counted helps' risk flags are written, one bulk write per batch (jiasu.risk.flag-flush-every). */
    Duration flagFlushEvery();

    /** How many mutual helpers (helped this player and were helped back) flag a player as a ring (RISK_RING_MIN). */
    int ringMin();
}
