package io.jiasu.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.stream.Collectors;

/** How many bytes of body each path may receive: 16 KiB unless a feature declared a {@link BodyLimit} for it. */
@ApplicationScoped
class BodyLimits {
    static final long DEFAULT_MAX_BYTES = 16 * 1024;

    private final Map<String, Long> byPath;

    BodyLimits(Instance<BodyLimit> declared) {
        this.byPath = declared.stream().collect(Collectors.toUnmodifiableMap(BodyLimit::path, BodyLimit::maxBytes));
    }

    long forPath(String path) {
        return byPath.getOrDefault(path, DEFAULT_MAX_BYTES);
    }

    static Problem tooLarge(long maxBytes) {
        String limit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes / 1024 + " KiB";
        return Problem.of(413, "PAYLOAD_TOO_LARGE", "Payload too large", "The body is over " + limit + ".");
    }
}
