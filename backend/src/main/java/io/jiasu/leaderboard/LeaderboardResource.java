package io.jiasu.leaderboard;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** The public leaderboard of a campaign. */
@Path("/api/v1/campaigns/{cid}/leaderboard")
@PermitAll
class LeaderboardResource {
    private final LeaderboardService leaderboard;

    LeaderboardResource(LeaderboardService leaderboard) {
        this.leaderboard = leaderboard;
    }

    @GET
    public Uni<Leaderboard> top(
            @PathParam("cid") String cid, @QueryParam("limit") @DefaultValue("20") @BoardLimit String limit) {
        return leaderboard.published(cid, Integer.parseInt(limit.strip()));
    }
}
