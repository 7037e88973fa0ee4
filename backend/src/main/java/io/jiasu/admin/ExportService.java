package io.jiasu.admin;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.player.Participant;
import io.jiasu.player.PlayerService;
import io.jiasu.prize.AdminWinner;
import io.jiasu.prize.PrizeService;
import io.jiasu.user.UserService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * The participants export: every player of a campaign streamed as CSV, a chunk of records at a time as the client
 * reads, so memory holds one chunk whatever the campaign's size. Audited before the first record leaves (an entry
 * that can't be written fails the request, so nothing is exported unaudited).
 */
@ApplicationScoped
class ExportService {
    /** Players per chunk: one read of their cards, one piece of the response. */
    private static final int CHUNK = 500;

    private final CampaignService campaigns;
    private final PlayerService players;
    private final UserService users;
    private final PrizeService prizes;
    private final AuditService audit;

    ExportService(
            CampaignService campaigns,
            PlayerService players,
            UserService users,
            PrizeService prizes,
            AuditService audit) {
        this.campaigns = campaigns;
        this.players = players;
        this.users = users;
        this.prizes = prizes;
        this.audit = audit;
    }

    /**
     * The CSV: a header, then every player. With {@code contact} (an admin) the prize holders' full contact is in it;
     * the prize holders are at most the prize count, so their contacts are read once, up front.
     */
    Multi<String> participants(String campaignId, Operator operator, boolean contact) {
        Uni<Start> start = audit.run(
                operator,
                "participants.export",
                campaignId,
                () -> campaigns
                        .find(campaignId)
                        .flatMap(campaign -> (contact
                                        ? prizes.contacts(campaign)
                                        : Uni.createFrom().item(Map.<String, AdminWinner>of()))
                                .map(winners -> new Start(campaign, winners))),
                ignored -> contact ? "with contact" : "without contact");
        return start.onItem()
                .transformToMulti(begun -> Multi.createBy()
                        .concatenating()
                        .streams(
                                Multi.createFrom().item(ParticipantsCsv.header(contact)),
                                players.participants(begun.campaign())
                                        .group()
                                        .intoLists()
                                        .of(CHUNK)
                                        .onItem()
                                        .transformToUniAndConcatenate(chunk -> records(begun, chunk, contact))));
    }

    private Uni<String> records(Start begun, List<Participant> chunk, boolean contact) {
        Campaign campaign = begun.campaign();
        return users.cards(chunk.stream().map(Participant::userId).toList()).map(cards -> {
            StringBuilder text = new StringBuilder();
            for (Participant player : chunk) {
                text.append(ParticipantsCsv.record(
                        player,
                        cards.get(player.userId()),
                        campaign.goal(),
                        users.isBanned(player.userId()),
                        campaign.timeZone(),
                        contact,
                        begun.winners().get(player.shareCode())));
            }
            return text.toString();
        });
    }

    /** What the export needs before its first record: the campaign and, for an admin, the prize holders' contact. */
    private record Start(Campaign campaign, Map<String, AdminWinner> winners) {}
}
