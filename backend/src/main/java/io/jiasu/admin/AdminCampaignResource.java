package io.jiasu.admin;

import io.jiasu.campaign.CampaignDefinition;
import io.jiasu.leaderboard.BoardLimit;
import io.jiasu.player.Virality;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Operators watch campaigns (viewer); admins create and replace them. */
@Path("/api/v1/admin/campaigns")
@RolesAllowed(Roles.VIEWER)
class AdminCampaignResource {
    private final AdminService admin;

    AdminCampaignResource(AdminService admin) {
        this.admin = admin;
    }

    @GET
    public Uni<AdminCampaigns> campaigns() {
        return admin.all();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{cid}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<AdminCampaignView> define(
            @PathParam("cid") @Pattern(regexp = CampaignDefinition.ID_PATTERN, message = CampaignDefinition.ID_RULE)
                    String id,
            CampaignDefinition definition,
            @Context SecurityContext caller) {
        return admin.define(id, definition, Operator.of(caller));
    }

    @GET
    @Path("/{cid}")
    public Uni<AdminCampaignView> campaign(@PathParam("cid") String cid) {
        return admin.campaign(cid);
    }

    @GET
    @Path("/{cid}/stats")
    public Uni<CampaignStats> stats(@PathParam("cid") String cid) {
        return admin.stats(cid);
    }

    @GET
    @Path("/{cid}/virality")
    public Uni<Virality> virality(@PathParam("cid") String cid) {
        return admin.virality(cid);
    }

    @GET
    @Path("/{cid}/activity")
    public Uni<Activity> activity(@PathParam("cid") String cid) {
        return admin.activity(cid);
    }

    @GET
    @Path("/{cid}/leaderboard")
    public Uni<AdminLeaderboard> leaderboard(
            @PathParam("cid") String cid, @QueryParam("limit") @DefaultValue("20") @BoardLimit String limit) {
        return admin.leaderboard(cid, Integer.parseInt(limit.strip()));
    }
}
