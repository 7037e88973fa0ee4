package io.jiasu.session;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The key of the opaque visitor id that the access log counts people by ({@link VisitorHeader}). */
@ConfigMapping(prefix = "jiasu.visitor")
interface VisitorConfig {
    /** The HMAC key (VISITOR_KEY), a secret of at least 32 characters; unset, answers carry no visitor id. */
    Optional<String> key();
}
