package io.jiasu.admin;

import io.jiasu.campaign.CampaignDefinition;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Operators create, replace and watch campaigns. */
@Path("/api/v1/admin/campaigns")
@RolesAllowed("admin")
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
    @Path("/{cid}")
    public Uni<AdminCampaignView> define(@PathParam("cid") String cid, CampaignDefinition definition) {
        return admin.define(cid, definition);
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
}
