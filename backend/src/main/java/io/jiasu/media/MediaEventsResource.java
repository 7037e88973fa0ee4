package io.jiasu.media;

import io.jiasu.platform.FieldError;
import io.jiasu.platform.ValidationFailed;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Operators' read of the latest media-check verdicts WeChat pushed. */
@Path("/api/v1/admin/media-events")
@RolesAllowed("operator") // the admin feature's Roles.OPERATOR: moderators and admins
class MediaEventsResource {
    private static final int MAX_LIMIT = 100;

    private final MediaService media;

    MediaEventsResource(MediaService media) {
        this.media = media;
    }

    @GET
    public Uni<MediaEvents> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Uni.createFrom()
                    .failure(new ValidationFailed(List.of(new FieldError("limit", "must be between 1 and 100"))));
        }
        return media.recentEvents(limit);
    }
}
