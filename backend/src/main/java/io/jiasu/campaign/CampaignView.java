package io.jiasu.campaign;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** GET /campaigns/{cid}: the campaign as published, and where it stands now. Before the start there is no stock in it. */
public record CampaignView(
        @JsonUnwrapped Campaign campaign,
        Integer prizeRemaining,
        CampaignStatus status,
        int helpsToGoal,
        Instant serverTime) {

    static CampaignView of(Campaign campaign, Instant now) {
        CampaignStatus status = campaign.status(now);
        return new CampaignView(
                campaign,
                status == CampaignStatus.UPCOMING ? null : campaign.prizeRemaining(),
                status,
                campaign.helpsToGoal(),
                now);
    }
}
