package io.jiasu.admin;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignDefinition;
import io.jiasu.campaign.CampaignService;
import io.jiasu.player.PlayerService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** What operators do with campaigns: define them and watch their numbers. */
@ApplicationScoped
class AdminService {
    private final CampaignService campaigns;
    private final PlayerService players;
    private final Clock clock;

    AdminService(CampaignService campaigns, PlayerService players, Clock clock) {
        this.campaigns = campaigns;
        this.players = players;
        this.clock = clock;
    }

    Uni<AdminCampaignView> define(String id, CampaignDefinition definition) {
        return campaigns.define(id, definition).flatMap(this::view);
    }

    Uni<AdminCampaignView> campaign(String id) {
        return campaigns.find(id).flatMap(this::view);
    }

    Uni<AdminCampaigns> all() {
        return campaigns.all()
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(this::view)
                .collect().asList()
                .map(AdminCampaigns::new);
    }

    Uni<CampaignStats> stats(String id) {
        return campaigns.find(id).flatMap(this::stats);
    }

    private Uni<AdminCampaignView> view(Campaign campaign) {
        return stats(campaign).map(stats -> AdminCampaignView.of(campaign, clock.instant(), stats));
    }

    private Uni<CampaignStats> stats(Campaign campaign) {
        return players.counts(campaign.id()).map(counts -> new CampaignStats(
                counts.players(),
                counts.boosts(),
                counts.helpers(),
                counts.finished(),
                campaign.prizesTaken(),
                0,
                campaign.prizeRemaining()));
    }
}
