package io.jiasu.campaign;

import io.jiasu.platform.ApiException;

/** Join or help before the campaign's start (server clock). */
final class CampaignNotStarted extends ApiException {
    CampaignNotStarted() {
        super(409, "CAMPAIGN_NOT_STARTED", "Campaign not started", "The campaign has not started yet.");
    }
}
