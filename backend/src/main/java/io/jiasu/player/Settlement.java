package io.jiasu.player;

import io.jiasu.campaign.Campaign;
import io.smallrye.mutiny.Uni;

/** Settles the prize of a player who reached the goal; answered by the prize feature, which owns the slots. */
public interface Settlement {
    /**
     * The rank the finisher holds, taking the next free slot if none was taken for them yet, or null when none was
     * left; the outcome is written on the player. Idempotent: settling twice never takes a second slot.
     */
    Uni<Integer> settle(Campaign campaign, Finisher finisher);
}
