package io.jiasu.prize;

import io.jiasu.campaign.Campaign;
import java.time.Instant;

/** A player reached the goal and their prize outcome is written: a rank, or null when the prizes were gone. */
public record PlayerFinished(
        Campaign campaign, String shareCode, String userId, Integer prizeRank, Instant finishedAt) {}
