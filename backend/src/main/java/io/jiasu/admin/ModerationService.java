package io.jiasu.admin;

import io.jiasu.campaign.CampaignService;
import io.jiasu.leaderboard.LeaderboardService;
import io.jiasu.platform.Validation;
import io.jiasu.player.PlayerService;
import io.jiasu.prize.ClaimService;
import io.jiasu.prize.PrizeService;
import io.jiasu.prize.Review;
import io.jiasu.prize.WinnersExport;
import io.jiasu.user.UserService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;

/**
 * Operators' actions on players and prizes, each one audited: bans and unbans, claim views and reviews, the winners
 * export and re-sealing claims after a key rotation. Bans are counted in {@code jiasu.admin.bans}.
 */
@ApplicationScoped
class ModerationService {
    private final CampaignService campaigns;
    private final PlayerService players;
    private final LeaderboardService boards;
    private final UserService users;
    private final PrizeService prizes;
    private final ClaimService claims;
    private final AuditService audit;
    private final Validation validation;
    private final MeterRegistry metrics;

    ModerationService(
            CampaignService campaigns,
            PlayerService players,
            LeaderboardService boards,
            UserService users,
            PrizeService prizes,
            ClaimService claims,
            AuditService audit,
            Validation validation,
            MeterRegistry metrics) {
        this.campaigns = campaigns;
        this.players = players;
        this.boards = boards;
        this.users = users;
        this.prizes = prizes;
        this.claims = claims;
        this.audit = audit;
        this.validation = validation;
        this.metrics = metrics;
    }

    /**
     * Bans the user behind a share code everywhere: no more login, join, help or claim, off every leaderboard, and a
     * prize they hold is revoked (its slot is not handed on). Repeating a ban finishes one that failed halfway.
     */
    Uni<BanResult> ban(String campaignId, String shareCode, Operator operator) {
        return audit.run(
                operator,
                "player.ban",
                campaignId + "/" + shareCode,
                () -> ownerOf(campaignId, shareCode)
                        .call(userId -> users.ban(userId, campaignId, shareCode))
                        .call(this::leaveBoards)
                        .invoke(userId -> metrics.counter("jiasu.admin.bans").increment())
                        .map(userId -> new BanResult(shareCode, true)),
                result -> null);
    }

    /**
     * Lifts the ban of the user behind a share code: they may sign in and play again, every player of theirs is back on
     * its board where it stood, and a prize they held is theirs again (its slot was never handed on).
     */
    Uni<BanResult> unban(String campaignId, String shareCode, Operator operator) {
        return audit.run(
                operator,
                "player.unban",
                campaignId + "/" + shareCode,
                () -> ownerOf(campaignId, shareCode)
                        .call(users::unban)
                        .call(this::returnToBoards)
                        .map(userId -> new BanResult(shareCode, false)),
                result -> null);
    }

    /** The user behind a share code of a campaign that exists (NOT_FOUND otherwise). */
    private Uni<String> ownerOf(String campaignId, String shareCode) {
        return campaigns.find(campaignId).flatMap(campaign -> players.ownerOf(campaignId, shareCode));
    }

    /** Puts every player of an unbanned user back on their campaign's board, at the standing the record holds. */
    private Uni<Void> returnToBoards(String userId) {
        return eachPlayerOf(
                userId,
                (campaignId, shareCode) -> campaigns
                        .find(campaignId)
                        .flatMap(campaign -> players.standing(campaign, shareCode)
                                .flatMap(standing -> boards.record(campaign, standing))));
    }

    /** The prize holders with their (masked) contact, for an operator or admin: the view is audited. */
    Uni<AdminWinners> viewClaims(String campaignId, Operator operator) {
        return audit.run(
                operator,
                "claims.view",
                campaignId,
                () -> prizes.adminWinners(campaignId).map(AdminWinners::new),
                winners -> "rows=" + winners.winners().size());
    }

    /** Takes every player of a banned user off their campaign's board. */
    private Uni<Void> leaveBoards(String userId) {
        return eachPlayerOf(userId, boards::remove);
    }

    /** Does the step for each player (campaign id, share code) the user has, all at once. */
    private Uni<Void> eachPlayerOf(String userId, BiFunction<String, String, Uni<Void>> step) {
        return players.shareCodesOf(userId)
                .flatMap(codes -> codes.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Uni.join()
                                .all(codes.entrySet().stream()
                                        .map(player -> step.apply(player.getKey(), player.getValue()))
                                        .toList())
                                .andFailFast()
                                .replaceWithVoid());
    }

    Uni<Review> review(String campaignId, String shareCode, ReviewDecision decision, Operator operator) {
        return audit.run(
                operator,
                "claim.review",
                campaignId + "/" + shareCode,
                () -> claims.review(
                        campaignId, shareCode, validation.valid(decision).decision()),
                review -> "decision=" + review);
    }

    Uni<WinnersExport> export(String campaignId, WinnersExport.Format format, Operator operator) {
        return audit.run(
                operator,
                "winners.export",
                campaignId,
                () -> prizes.export(campaignId, format),
                export -> format == WinnersExport.Format.CSV
                        ? "rows=" + export.rows()
                        : "rows=" + export.rows() + ", " + export.extension());
    }

    Uni<Rekeyed> rekey(Operator operator) {
        return audit.run(
                operator,
                "claims.rekey",
                "claims",
                () -> claims.rekey().map(Rekeyed::new),
                result -> "resealed=" + result.resealed());
    }
}
