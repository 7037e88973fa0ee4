package io.jiasu.platform;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** Which peers may tell us the client's address. */
@ConfigMapping(prefix = "jiasu.http")
interface ProxyConfig {
    /**
     * Address blocks of our nginx hosts, whose X-Real-IP header names the client (TRUSTED_PROXIES; its default is in
     * application.properties).
     */
    List<String> trustedProxies();
}
