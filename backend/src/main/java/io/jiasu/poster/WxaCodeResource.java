package io.jiasu.poster;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The PNG mini-program code a player puts on their poster. */
@Path("/api/v1/campaigns/{cid}/players/me/wxacode")
class WxaCodeResource {
    private final WxaCodeService codes;

    WxaCodeResource(WxaCodeService codes) {
        this.codes = codes;
    }

    @GET
    @RolesAllowed("user")
    public Uni<Response> wxacode(@PathParam("cid") String cid, @Context SecurityContext caller) {
        return codes.codeOf(cid, caller.getUserPrincipal().getName())
                .map(png -> Response.ok(png, "image/png")
                        .header("Cache-Control", "private, max-age=86400")
                        .build());
    }
}
