package io.jiasu.campaign;

import io.jiasu.platform.ApiException;

/** Join or help after the campaign's end (server clock). */
final class CampaignEnded extends ApiException {
    CampaignEnded() {
        super(409, "CAMPAIGN_ENDED", "Campaign ended", "The campaign has ended.");
    }
}
