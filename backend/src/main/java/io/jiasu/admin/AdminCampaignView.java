package io.jiasu.admin;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignStatus;
import io.jiasu.campaign.Tier;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A campaign as operators see it: the whole definition, its state and live counts. */
public record AdminCampaignView(
        String id,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        Instant claimDeadline,
        int goal,
        int prizeTotal,
        int prizeRemaining,
        List<Tier> schedule,
        int helpsToGoal,
        int dailyHelpLimit,
        ZoneId timeZone,
        boolean published,
        boolean locked,
        CampaignStatus status,
        CampaignStats stats) {

    static AdminCampaignView of(Campaign c, Instant now, CampaignStats stats) {
        return new AdminCampaignView(
                c.id(),
                c.title(),
                c.description(),
                c.startsAt(),
                c.endsAt(),
                c.claimDeadline(),
                c.goal(),
                c.prizeTotal(),
                c.prizeRemaining(),
                c.schedule().tiers(),
                c.helpsToGoal(),
                c.dailyHelpLimit(),
                c.timeZone(),
                c.published(),
                c.locked(),
                c.status(now),
                stats);
    }
}
