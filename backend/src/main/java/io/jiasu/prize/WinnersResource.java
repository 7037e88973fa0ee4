package io.jiasu.prize;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The public list of prize holders. */
@Path("/api/v1/campaigns/{cid}/winners")
@PermitAll
class WinnersResource {
    private final PrizeService prizes;

    WinnersResource(PrizeService prizes) {
        this.prizes = prizes;
    }

    @GET
    public Uni<Winners> winners(@PathParam("cid") String cid) {
        return prizes.winners(cid);
    }
}
