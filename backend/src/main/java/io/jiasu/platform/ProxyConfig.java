package io.jiasu.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Which peers may tell us the client's address. */
@ConfigMapping(prefix = "jiasu.http")
interface ProxyConfig {
    /** Address blocks of our nginx hosts, whose X-Real-IP header names the client (TRUSTED_PROXIES). */
    @WithDefault("127.0.0.1/32,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16")
    List<String> trustedProxies();
}
