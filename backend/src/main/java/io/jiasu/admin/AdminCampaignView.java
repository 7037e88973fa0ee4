package io.jiasu.admin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignStatus;
import java.time.Instant;

/** A campaign as operators see it: the whole definition, whether it is published and locked, its state and counts. */
public record AdminCampaignView(
        @JsonUnwrapped Campaign campaign,
        boolean published,
        boolean locked,
        int prizeRemaining,
        int helpsToGoal,
        CampaignStatus status,
        CampaignStats stats) {

    static AdminCampaignView of(Campaign campaign, Instant now, CampaignStats stats) {
        return new AdminCampaignView(
                campaign,
                campaign.published(),
                campaign.locked(),
                campaign.prizeRemaining(),
                campaign.helpsToGoal(),
                campaign.status(now),
                stats);
    }
}
