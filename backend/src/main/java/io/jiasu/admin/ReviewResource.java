package io.jiasu.admin;

import io.jiasu.risk.HeldHelpView;
import io.jiasu.risk.PlayerReview;
import io.jiasu.risk.PolicyChoice;
import io.jiasu.risk.ReviewQueue;
import io.jiasu.risk.ReviewService;
import io.jiasu.risk.RiskService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Review of helps (operator): one player with every help and its risk signals, the review queue, decisions on held
 * helps; the campaign's policy for risky helps (viewer reads, admin sets).
 */
@Path("/api/v1/admin/campaigns/{cid}")
@RolesAllowed(Roles.OPERATOR)
class ReviewResource {
    private final ReviewService reviews;
    private final RiskService risk;
    private final RiskReviewService decisions;

    ReviewResource(ReviewService reviews, RiskService risk, RiskReviewService decisions) {
        this.reviews = reviews;
        this.risk = risk;
        this.decisions = decisions;
    }

    @GET
    @Path("/players/{shareCode}")
    public Uni<PlayerReview> player(@PathParam("cid") String cid, @PathParam("shareCode") String shareCode) {
        return reviews.player(cid, shareCode);
    }

    @GET
    @Path("/review-queue")
    public Uni<ReviewQueue> queue(@PathParam("cid") String cid) {
        return reviews.queue(cid);
    }

    @POST
    @Path("/held-helps/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<HeldHelpView> review(
            @PathParam("cid") String cid,
            @PathParam("id") String id,
            ReviewDecision decision,
            @Context SecurityContext caller) {
        return decisions.review(cid, id, decision, Operator.of(caller));
    }

    @GET
    @Path("/risk-policy")
    @RolesAllowed(Roles.VIEWER)
    public Uni<PolicyChoice> policy(@PathParam("cid") String cid) {
        return risk.policyOf(cid);
    }

    @PUT
    @Path("/risk-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Uni<PolicyChoice> choose(
            @PathParam("cid") String cid, PolicyChoice choice, @Context SecurityContext caller) {
        return decisions.choose(cid, choice, Operator.of(caller));
    }
}
