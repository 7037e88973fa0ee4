package io.jiasu.player;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How players are read, how often the batched counters are written, and how the operators' counts are recounted. */
@ConfigMapping(prefix = "jiasu.player")
interface PlayerConfig {
    /**
     * How old a landing page or a players/me answer may be: what others did shows within this; also how long a
     * snapshot is trusted while the change channel is down, and how old a rank may be.
     */
    @WithDefault("1s")
    Duration snapshotMaxAge();

    /** How long a snapshot may be kept while the change channel is up (a change drops it on every instance at once). */
    @WithDefault("5m")
    Duration snapshotKeptFor();

    /** How often each instance announces the players and cards it changed ({@link PlayerSnapshots}; application.properties). */
    Duration changeFlushEvery();

    /** Snapshots one instance keeps of each kind at most. */
    @WithDefault("200000")
    long snapshots();

    /** Share-code owners one instance remembers at most (an owner never changes). */
    @WithDefault("500000")
    long owners();

    /** How long an owner nobody asked for is remembered. */
    @WithDefault("1h")
    Duration ownerIdle();

    /** How often {@link LoopStore} writes the viral loop's batched help counters (application.properties). */
    Duration loopFlushEvery();

    /**
     * How often {@link CountRepair} recounts the operators' counts from the record: a scheduler period ({@code 10s}) or
     * {@code off} (application.properties).
     */
    String countsRecountEvery();

    /** The operators' counters are kept per slot of this length; a recount always stops at a slot's start. */
    @WithDefault("5s")
    Duration countsSlot();

    /**
     * How long after its instant a write is surely in the record (a request's whole time bound, with room): a recount
     * counts the record only up to the start of the slot this long ago.
     */
    @WithDefault("10s")
    Duration countsSettle();

    /** How long an instance holds a campaign's recount before another may take it over (it died recounting). */
    @WithDefault("2m")
    Duration countsLease();
}
