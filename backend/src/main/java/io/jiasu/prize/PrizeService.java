package io.jiasu.prize;

import io.jiasu.campaign.Campaign;
import io.jiasu.campaign.CampaignService;
import io.jiasu.user.UserService;
import io.jiasu.user.UserView;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who holds the prizes of a campaign: the public list, and for operators the claim status and contact data of each
 * prize holder. A banned winner's prize is revoked: left out of the public list, marked in the export, never handed on.
 */
@ApplicationScoped
public class PrizeService {
    private final CampaignService campaigns;
    private final SlotService slots;
    private final UserService users;
    private final ClaimStore claims;
    private final ClaimCipher cipher;

    PrizeService(
            CampaignService campaigns, SlotService slots, UserService users, ClaimStore claims, ClaimCipher cipher) {
        this.campaigns = campaigns;
        this.slots = slots;
        this.users = users;
        this.claims = claims;
        this.cipher = cipher;
    }

    public Uni<Winners> winners(String campaignId) {
        return campaigns
                .published(campaignId)
                .flatMap(campaign -> slots.winners(campaignId))
                .map(winners -> winners.stream()
                        .filter(winner -> !users.isBanned(winner.userId()))
                        .toList())
                .flatMap(winners -> users.cards(
                                winners.stream().map(Winner::userId).toList())
                        .map(cards -> {
                            List<Winners.Entry> entries = winners.stream()
                                    .map(winner -> {
                                        UserView card = cards.get(winner.userId());
                                        return new Winners.Entry(
                                                winner.rank(),
                                                card == null ? null : card.nickname(),
                                                card == null ? null : card.avatarUrl(),
                                                winner.finishedAt());
                                    })
                                    .toList();
                            return new Winners(entries);
                        }));
    }

    /** Every prize holder of any campaign (published or not) with claim status, contact masked. */
    public Uni<List<AdminWinner>> adminWinners(String campaignId) {
        return campaigns
                .find(campaignId)
                .flatMap(this::rows)
                .map(rows -> rows.stream().map(WinnerRow::masked).toList());
    }

    /**
     * The file operators ship prizes from, with the full contact data of every prize that is not revoked. The workbook
     * is written on a worker thread (POI's streaming writer uses a temporary file), off the event loop.
     */
    public Uni<WinnersExport> export(String campaignId, WinnersExport.Format format) {
        return campaigns
                .find(campaignId)
                .flatMap(campaign -> rows(campaign)
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(rows -> switch (format) {
                            case CSV ->
                                new WinnersExport(
                                        WinnersCsv.write(rows, campaign.timeZone())
                                                .getBytes(StandardCharsets.UTF_8),
                                        WinnersCsv.MEDIA_TYPE,
                                        "csv",
                                        rows.size());
                            case XLSX ->
                                new WinnersExport(
                                        WinnersXlsx.write(rows, campaign.timeZone()),
                                        WinnersXlsx.MEDIA_TYPE,
                                        "xlsx",
                                        rows.size());
                        }));
    }

    /**
     * The full contact of every prize holder whose prize ships (claimed or pending review, not revoked), by share
     * code: personal data, for an admin's export only. At most a campaign's prize count.
     */
    public Uni<Map<String, AdminWinner>> contacts(Campaign campaign) {
        return rows(campaign)
                .map(rows -> rows.stream()
                        .filter(row -> row.contact() != null)
                        .collect(Collectors.toMap(
                                row -> row.holder().shareCode(),
                                row -> new AdminWinner(
                                        row.holder(),
                                        row.contact().name(),
                                        row.contact().phone(),
                                        row.contact().address()))));
    }

    private Uni<List<WinnerRow>> rows(Campaign campaign) {
        return slots.winners(campaign.id())
                .flatMap(winners -> Uni.combine()
                        .all()
                        .unis(
                                users.cards(winners.stream().map(Winner::userId).toList()),
                                claims.ofCampaign(campaign.id()))
                        .with((cards, stored) -> {
                            Map<String, Claim> byCode =
                                    stored.stream().collect(Collectors.toMap(Claim::shareCode, Function.identity()));
                            return winners.stream()
                                    .map(winner ->
                                            row(winner, cards.get(winner.userId()), byCode.get(winner.shareCode())))
                                    .toList();
                        }));
    }

    private WinnerRow row(Winner winner, UserView card, Claim claim) {
        WinnerStatus status = status(winner, claim);
        boolean shipping = status == WinnerStatus.CLAIMED || status == WinnerStatus.PENDING_REVIEW;
        PrizeHolder holder = new PrizeHolder(
                winner.rank(),
                winner.shareCode(),
                card == null ? null : card.nickname(),
                card == null ? null : card.avatarUrl(),
                winner.finishedAt(),
                status,
                claim == null ? null : claim.claimedAt());
        return new WinnerRow(holder, shipping ? cipher.open(claim.sealed(), claim.shareCode()) : null);
    }

    private WinnerStatus status(Winner winner, Claim claim) {
        if (users.isBanned(winner.userId())) {
            return WinnerStatus.REVOKED;
        }
        if (claim == null) {
            return WinnerStatus.UNCLAIMED;
        }
        return switch (claim.review()) {
            case CLEAR, APPROVED -> WinnerStatus.CLAIMED;
            case PENDING -> WinnerStatus.PENDING_REVIEW;
            case REJECTED -> WinnerStatus.REJECTED;
        };
    }
}
