package io.jiasu.wechat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How we reach the WeChat server API. */
@ConfigMapping(prefix = "jiasu.wechat")
interface WechatConfig {
    /** The mini-program's appid (WECHAT_APPID). */
    String appid();

    /** The mini-program's app secret (WECHAT_SECRET); never logged. */
    String secret();

    /** Base URL of the WeChat API (WECHAT_API_HOST_URL; its default is in application.properties); tests use the stub. */
    String apiHostUrl();

    /** TCP connect timeout to WeChat. */
    @WithDefault("500ms")
    Duration connectTimeout();

    /** Socket read timeout for one WeChat call. */
    @WithDefault("1500ms")
    Duration readTimeout();

    /**
     * Upper bound on a whole call including its retry; past it the client answers WX_UNAVAILABLE, so a slow WeChat
     * answers a login within 2 s.
     */
    @WithDefault("1800ms")
    Duration callTimeout();

    /** How often a "system busy" (-1) answer is retried: at most one quick retry, never WxJava's 31 s ladder. */
    @WithDefault("1")
    int busyRetries();

    /** Pause before that retry. */
    @WithDefault("100ms")
    Duration busyRetryDelay();

    /** The token of the message push (WECHAT_PUSH_TOKEN), as set in the mini-program's console; unset: pushes refused. */
    Optional<String> pushToken();

    /** HMAC key of the opaque group ids (GROUP_KEY, the same on every instance); unset: the app secret. */
    Optional<String> groupKey();

    /** How old a share info's watermark may be before it counts as stale (unknown group). */
    @WithDefault("2h")
    Duration shareInfoMaxAge();

    /** Pooled HTTP connections of WxJava's blocking client (every call but code2session). */
    @WithDefault("64")
    int maxConnections();

    /**
     * Logins that may wait on WeChat's code2session at once, each on its own connection ({@link Code2Session}): at 100
     * ms a call, 1024 of them take 10,000 logins a second.
     */
    @WithDefault("1024")
    int loginConnections();
}
