package io.jiasu.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** Test only: logs one line while handling a request, as the problem mapper does. */
@Path("/test/log-probe")
public class LogProbeResource {
    static final Logger LOG = Logger.getLogger(LogProbeResource.class);

    @GET
    @Operation(hidden = true)
    public String probe() {
        LOG.info("log probe");
        return "ok";
    }
}
