package io.jiasu.campaign;

/** Where a campaign stands against the server clock. */
public enum CampaignStatus {
    UPCOMING,
    LIVE,
    ENDED
}
