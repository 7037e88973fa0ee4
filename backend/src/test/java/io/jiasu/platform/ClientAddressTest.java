package io.jiasu.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** With the shipped default, only loopback (nginx on the same host) may name the client in X-Real-IP. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class ClientAddressTest {
    private static final String FORGED = "203.0.113.9";

    @Inject
    ClientAddress addresses;

    @Test
    void aForgedRealIpStraightToAnInstanceFromAPrivateNetworkIsIgnored() {
        for (String peer : new String[] {"10.0.1.99", "172.20.0.5", "192.168.1.7", "fd00::2", "192.0.2.2"}) {
            assertEquals(peer, addresses.of(peer, FORGED), "a client at " + peer + " can't choose its address");
        }
    }

    @Test
    void anAuditEntryMadeStraightToAnInstanceCarriesTheCallersRealAddress() throws Exception {
        InetAddress own = ownNonLoopbackAddress();
        Assumptions.assumeTrue(own != null, "this machine has no non-loopback IPv4 address");
        String cid = Fixtures.created(Fixtures.liveCampaign());
        given().baseUri("http://" + own.getHostAddress())
                .auth()
                .oauth2(Fixtures.ADMIN)
                .header("X-Real-IP", FORGED)
                .get("/api/v1/admin/campaigns/" + cid + "/winners.csv")
                .then()
                .statusCode(200);

        List<Map<String, Object>> entries = given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/audit?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
        Map<String, Object> export = entries.stream()
                .filter(entry -> "winners.export".equals(entry.get("action")) && cid.equals(entry.get("target")))
                .findFirst()
                .orElseThrow();
        assertEquals(own.getHostAddress(), export.get("address"));
    }

    private static InetAddress ownNonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    @Test
    void nginxOnTheSameHostStillNamesTheClient() {
        assertEquals(FORGED, addresses.of("127.0.0.1", FORGED));
        assertEquals(FORGED, addresses.of("0:0:0:0:0:0:0:1", FORGED));
        assertEquals("127.0.0.1", addresses.of("127.0.0.1", "not-an-address"));
    }
}
