package io.jiasu.admin;

/** GET /admin/campaigns/{cid}/stats; {@code flaggedClaims} are claims waiting for an operator's review. */
public record CampaignStats(
        long players,
        long boosts,
        long helpers,
        long finished,
        long winners,
        long claims,
        int prizeRemaining,
        long flaggedClaims) {}
