package io.jiasu.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** GET /campaigns/{cid}: what participants see. Before the start there is no prize stock in it. */
public record CampaignView(
        String id,
        String title,
        String description,
        Instant startsAt,
        Instant endsAt,
        Instant claimDeadline,
        int goal,
        int prizeTotal,
        Integer prizeRemaining,
        CampaignStatus status,
        List<Tier> schedule,
        int dailyHelpLimit,
        int helpsToGoal,
        ZoneId timeZone,
        Instant serverTime) {

    static CampaignView of(Campaign c, Instant now) {
        CampaignStatus status = c.status(now);
        Integer remaining = status == CampaignStatus.UPCOMING ? null : c.prizeRemaining();
        return new CampaignView(
                c.id(),
                c.title(),
                c.description(),
                c.startsAt(),
                c.endsAt(),
                c.claimDeadline(),
                c.goal(),
                c.prizeTotal(),
                remaining,
                status,
                c.schedule().tiers(),
                c.dailyHelpLimit(),
                c.helpsToGoal(),
                c.timeZone(),
                now);
    }
}
