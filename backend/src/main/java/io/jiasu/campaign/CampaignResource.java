package io.jiasu.campaign;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The public face of a campaign. */
@Path("/api/v1/campaigns/{cid}")
@PermitAll
class CampaignResource {
    private final CampaignService campaigns;

    CampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GET
    public Uni<CampaignView> campaign(@PathParam("cid") String cid) {
        return campaigns.view(cid);
    }
}
