package io.jiasu.admin;

/** GET /admin/campaigns/{cid}/stats. */
public record CampaignStats(long players, long boosts, long helpers, long finished, long winners, long claims, int prizeRemaining) {}
