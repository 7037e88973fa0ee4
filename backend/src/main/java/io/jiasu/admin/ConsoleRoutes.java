package io.jiasu.admin;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** The operators' console is static files under /admin/ (built from src/main/webui); a bare /admin lands there too. */
@ApplicationScoped
class ConsoleRoutes {
    void install(@Observes Router router) {
        // Vert.x matches /admin/ on this route too; only the bare path is redirected.
        router.get("/admin").handler(ctx -> {
            if (ctx.request().path().equals("/admin")) {
                ctx.response()
                        .setStatusCode(302)
                        .putHeader("Location", "/admin/")
                        .end();
            } else {
                ctx.next();
            }
        });
    }
}
