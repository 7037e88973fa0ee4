package io.jiasu.admin;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The audit log of admin actions (operators' names and addresses: admins only), and re-sealing claims after a key
 * rotation.
 */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
class AuditResource {
    private final AuditService audit;
    private final ModerationService moderation;

    AuditResource(AuditService audit, ModerationService moderation) {
        this.audit = audit;
        this.moderation = moderation;
    }

    @GET
    @Path("/audit")
    public Uni<AuditEntries> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
        return audit.recent(limit);
    }

    @POST
    @Path("/claims/rekey")
    public Uni<Rekeyed> rekey(@Context SecurityContext caller) {
        return moderation.rekey(Operator.of(caller));
    }
}
