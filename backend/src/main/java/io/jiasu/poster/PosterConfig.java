package io.jiasu.poster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The mini-program code printed on a player's poster. */
@ConfigMapping(prefix = "jiasu.poster")
interface PosterConfig {
    /** The page a scanned code opens (the share landing page), without a leading slash. */
    @WithDefault("pages/landing/landing")
    String page();
}
