package io.jiasu.player;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How players are read, and how often the viral loop's batched counters are written. */
@ConfigMapping(prefix = "jiasu.player")
interface PlayerConfig {
    /** How old a landing page or a players/me answer may be: what others did shows within this. */
    @WithDefault("1s")
    Duration snapshotMaxAge();

    /** Snapshots one instance keeps of each kind at most. */
    @WithDefault("200000")
    long snapshots();

    /** How often {@link LoopStore} writes the viral loop's batched help counters (application.properties). */
    Duration loopFlushEvery();
}
