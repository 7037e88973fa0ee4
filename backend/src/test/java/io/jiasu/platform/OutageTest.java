package io.jiasu.platform;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.jiasu.JiasuTestStack;
import io.jiasu.TcpProxy;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A dependency that falls off the network gives a fast 503 UNAVAILABLE with Retry-After (the client gives up
 * after 10 s, far below a hung pool's 30 s), readiness says so, and the app recovers when it comes back.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class OutageTest {

    @Test
    void mongoDbOffTheNetworkIsA503AndTheAppRecovers() {
        String cid = created(liveCampaign());
        String token = login(unique("p"));
        join(token, cid);

        unavailableWhileCutThenRecovered(
                JiasuTestStack.mongoLink(),
                client -> client.auth().oauth2(token).get("/api/v1/campaigns/" + cid + "/players/me"),
                200);
    }

    @Test
    void redisOffTheNetworkIsA503AndTheAppRecovers() {
        String cid = created(liveCampaign());
        String token = login(unique("p"));

        unavailableWhileCutThenRecovered(
                JiasuTestStack.redisLink(),
                client -> client.auth().oauth2(token).post("/api/v1/campaigns/" + cid + "/players"),
                201);
    }

    /**
     * While the link is cut the request is a fast 503 UNAVAILABLE problem with Retry-After and readiness fails; once
     * it is restored the request answers {@code recovered} again within 20 s.
     */
    private static void unavailableWhileCutThenRecovered(
            TcpProxy link, Function<RequestSpecification, Response> request, int recovered) {
        whileCut(link, () -> {
            request.apply(patient())
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("code", equalTo("UNAVAILABLE"));
            patient().get("/q/health/ready").then().statusCode(503);
        });

        Awaitility.await()
                .atMost(20, TimeUnit.SECONDS)
                .untilAsserted(() -> request.apply(given()).then().statusCode(recovered));
    }

    private static void whileCut(TcpProxy link, Runnable during) {
        link.cut();
        try {
            during.run();
        } finally {
            link.restore();
        }
    }

    /** A client that waits at most 10 s: an answer after that counts as a hang. */
    private static RequestSpecification patient() {
        return given().config(RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 10_000)
                        .setParam("http.connection.timeout", 10_000)));
    }
}
