package io.jiasu.admin;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

/** The audit log of admin actions, and re-sealing claims after a key rotation. */
@Path("/api/v1/admin")
@RolesAllowed("admin")
class AuditResource {
    private final AuditService audit;
    private final ModerationService moderation;
    private final Operators operators;

    AuditResource(AuditService audit, ModerationService moderation, Operators operators) {
        this.audit = audit;
        this.moderation = moderation;
        this.operators = operators;
    }

    @GET
    @Path("/audit")
    public Uni<AuditEntries> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.recent(limit);
    }

    @POST
    @Path("/claims/rekey")
    public Uni<Rekeyed> rekey(@Context HttpServerRequest request) {
        return moderation.rekey(operators.of(request));
    }
}
