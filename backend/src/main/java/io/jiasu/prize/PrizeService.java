package io.jiasu.prize;

import io.jiasu.campaign.CampaignService;
import io.jiasu.campaign.Winner;
import io.jiasu.user.UserService;
import io.jiasu.user.UserView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Who holds the prizes of a campaign. */
@ApplicationScoped
public class PrizeService {
    private final CampaignService campaigns;
    private final UserService users;

    PrizeService(CampaignService campaigns, UserService users) {
        this.campaigns = campaigns;
        this.users = users;
    }

    public Uni<Winners> winners(String campaignId) {
        return campaigns.published(campaignId)
                .flatMap(campaign -> campaigns.winners(campaignId))
                .flatMap(winners -> users.cards(winners.stream().map(Winner::userId).toList()).map(cards -> {
                    List<Winners.Entry> entries = winners.stream().map(winner -> {
                        UserView card = cards.get(winner.userId());
                        return new Winners.Entry(
                                winner.rank(),
                                card == null ? null : card.nickname(),
                                card == null ? null : card.avatarUrl(),
                                winner.finishedAt());
                    }).toList();
                    return new Winners(entries);
                }));
    }
}
