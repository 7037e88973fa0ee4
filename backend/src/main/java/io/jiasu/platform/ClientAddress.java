package io.jiasu.platform;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a request really came from. nginx puts the client's address (already resolved from its own trusted
 * load balancers) in {@code X-Real-IP}; that header is believed only when the TCP peer is one of our proxies, so a
 * client talking to an instance directly cannot pick the address its rate limits and audit entries are filed under.
 */
@ApplicationScoped
public class ClientAddress {
    static final String REAL_IP = "X-Real-IP";

    private final List<Cidr> proxies;

    ClientAddress(ProxyConfig config) {
        this.proxies = config.trustedProxies().stream().map(Cidr::parse).toList();
    }

    public String of(HttpServerRequest request) {
        return of(
                request.remoteAddress() == null
                        ? "unknown"
                        : request.remoteAddress().hostAddress(),
                request.getHeader(REAL_IP));
    }

    /** The client of a request as a resource sees it. */
    public String of(RoutingContext http) {
        return of(http.request());
    }

    /** The client: {@code forwarded} when the TCP peer is one of our proxies and it names an address, else the peer. */
    String of(String peer, String forwarded) {
        if (forwarded == null || forwarded.isBlank() || !trusted(peer)) {
            return peer;
        }
        String claimed = forwarded.strip();
        return Cidr.literal(claimed) == null ? peer : claimed;
    }

    private boolean trusted(String peer) {
        InetAddress address = Cidr.literal(peer);
        return address != null && proxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** An address block such as 10.0.0.0/8 or ::1/128. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address block: " + text);
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.getAddress().length * 8;
            return new Cidr(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((bytes[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** The address of an IP literal, never a DNS lookup; null when the text is not one. */
        static InetAddress literal(String text) {
            if (text == null || text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+")) {
                return null;
            }
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
