package io.jiasu.player;

import io.smallrye.mutiny.Uni;

/** Whether a prize holder has sent where their prize goes; answered by the prize feature, which owns the claims. */
public interface Claims {
    /** True when a claim for this share code is stored and not rejected. */
    Uni<Boolean> claimed(String shareCode);
}
