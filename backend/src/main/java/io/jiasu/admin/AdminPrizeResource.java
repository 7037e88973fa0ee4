package io.jiasu.admin;

import io.jiasu.platform.Csv;
import io.jiasu.prize.PrizeService;
import io.jiasu.prize.WinnersExport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The prize holders (viewer: without contact; operator and admin: contact masked, the view audited), the winners CSV
 * to ship prizes (admin: the only full personal data), claim review, bans and unbans (operator).
 */
@Path("/api/v1/admin/campaigns/{cid}")
@RolesAllowed(Roles.ADMIN)
class AdminPrizeResource {
    private final PrizeService prizes;
    private final ModerationService moderation;

    AdminPrizeResource(PrizeService prizes, ModerationService moderation) {
        this.prizes = prizes;
        this.moderation = moderation;
    }

    @GET
    @Path("/winners")
    @RolesAllowed(Roles.VIEWER)
    public Uni<AdminWinners> winners(@PathParam("cid") String cid, @Context SecurityContext caller) {
        if (!caller.isUserInRole(Roles.OPERATOR)) {
            return prizes.adminWinners(cid).map(AdminWinners::withoutContact);
        }
        return moderation.viewClaims(cid, Operator.of(caller));
    }

    @GET
    @Path("/winners.csv")
    @APIResponse(
            responseCode = "200",
            description = "One row per prize holder in rank order, UTF-8 with a BOM",
            content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> winnersCsv(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return winnersFile(cid, WinnersExport.Format.CSV, caller);
    }

    @GET
    @Path("/winners.xlsx")
    @APIResponse(
            responseCode = "200",
            description = "The winners as an Excel workbook: one row per prize holder in rank order, typed cells",
            content =
                    @Content(
                            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> winnersXlsx(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return winnersFile(cid, WinnersExport.Format.XLSX, caller);
    }

    private Uni<Response> winnersFile(String cid, WinnersExport.Format format, SecurityContext caller) {
        return moderation
                .export(cid, format, Operator.of(caller))
                .map(export -> Response.ok(export.body(), export.mediaType())
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"winners-" + cid + "." + export.extension() + "\"")
                        .header("Cache-Control", "no-store")
                        .build());
    }

    @POST
    @Path("/players/{shareCode}/ban")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<BanResult> ban(
            @PathParam("cid") String cid, @PathParam("shareCode") String shareCode, @Context SecurityContext caller) {
        return moderation.ban(cid, shareCode, Operator.of(caller));
    }

    @DELETE
    @Path("/players/{shareCode}/ban")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<BanResult> unban(
            @PathParam("cid") String cid, @PathParam("shareCode") String shareCode, @Context SecurityContext caller) {
        return moderation.unban(cid, shareCode, Operator.of(caller));
    }

    @POST
    @Path("/players/{shareCode}/claim/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<ReviewDecision> review(
            @PathParam("cid") String cid,
            @PathParam("shareCode") String shareCode,
            ReviewDecision decision,
            @Context SecurityContext caller) {
        return moderation.review(cid, shareCode, decision, Operator.of(caller)).map(ReviewDecision::new);
    }
}
