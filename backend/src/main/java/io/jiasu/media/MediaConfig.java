package io.jiasu.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Avatars: where they are served from, what an upload may be, and how the WeChat media check is retried. */
@ConfigMapping(prefix = "jiasu.media")
interface MediaConfig {
    /** Public base URL avatars are served under, e.g. the CDN (MEDIA_BASE_URL); unset: relative URLs. */
    Optional<String> publicBaseUrl();

    /** Largest image file an upload may carry, in bytes. */
    @WithDefault("1048576")
    int maxUploadBytes();

    /** Largest width or height an uploaded image may declare; checked from its header, before decoding. */
    @WithDefault("4096")
    int maxDimension();

    /** The side of the square a stored avatar fits in. */
    @WithDefault("256")
    int avatarSide();

    /** How often a media check that failed to reach WeChat is tried in all before it is left recorded as failed. */
    @WithDefault("5")
    int checkAttempts();

    /** The wait before retrying a failed media check, multiplied by the attempts so far. */
    @WithDefault("1m")
    Duration checkRetryDelay();
}
