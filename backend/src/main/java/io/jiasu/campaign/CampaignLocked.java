package io.jiasu.campaign;

import io.jiasu.platform.ApiException;

/** An operator tried to change goal or schedule after players joined. */
final class CampaignLocked extends ApiException {
    CampaignLocked() {
        super(409, "CAMPAIGN_LOCKED", "Campaign locked", "Goal and schedule cannot change once anyone has joined.");
    }
}
