package io.jiasu.ratelimit;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.Prizes;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Per-user and per-address limits on login, help and claim, with the app started under small limits. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {
    private static final String NAT = "X-Real-IP";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "jiasu.rate-limit.login-per-user", "3",
                    "jiasu.rate-limit.login-per-ip", "20",
                    "jiasu.rate-limit.help-per-user", "4",
                    "jiasu.rate-limit.help-per-ip", "0",
                    "jiasu.rate-limit.claim-per-user", "2",
                    "jiasu.rate-limit.claim-per-ip", "0");
        }
    }

    @Test
    void oneAddressGetsItsLoginsAndThenRateLimitedWithRetryAfter() {
        String address = "198.51.100." + (int) (Math.random() * 250 + 1);
        List<Integer> statuses = Parallel.run(
                8,
                IntStream.range(0, 25)
                        .<Callable<Integer>>mapToObj(
                                i -> () -> login(unique("nat"), address).statusCode())
                        .toList());
        assertEquals(20, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 429).count(), statuses.toString());

        Response refused = login(unique("nat"), address);
        refused.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        // at most the rest of this window plus the part of the next one the full previous window still weighs on
        assertTrue(retryAfter >= 1 && retryAfter <= 120, "Retry-After " + retryAfter);
        login(unique("nat"), "198.51.100.251").then().statusCode(201);
    }

    @Test
    void oneUserLogsInAFewTimesPerWindow() {
        String code = unique("often");
        for (int i = 0; i < 3; i++) {
            login(code, "203.0.113.10").then().statusCode(201);
        }
        login(code, "203.0.113.11").then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void helpRequestsArePerUserWhateverTheirOutcome() {
        String cid = created(liveCampaign());
        Runner player = Prizes.joined(cid, "p");
        String helper = Fixtures.login(unique("h"));
        Fixtures.help(helper, cid, player.shareCode()).then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            Fixtures.help(helper, cid, player.shareCode()).then().statusCode(409);
        }
        Fixtures.help(helper, cid, player.shareCode())
                .then()
                .statusCode(429)
                .body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        Fixtures.help(Fixtures.login(unique("h2")), cid, player.shareCode())
                .then()
                .statusCode(201);
        given().get("/q/metrics").then().body(containsString("jiasu_ratelimit_refused_total{route=\"help\"}"));
    }

    @Test
    void claimsArePerUser() {
        String cid = created(liveCampaign());
        Runner winner = Prizes.finisher(cid, "w", 1);
        Prizes.claim(winner.token(), cid, Prizes.GOOD_CLAIM).then().statusCode(200);
        Prizes.claim(winner.token(), cid, Map.of("name", "", "phone", "1", "address", ""))
                .then()
                .statusCode(422);
        Prizes.claim(winner.token(), cid, Prizes.GOOD_CLAIM)
                .then()
                .statusCode(429)
                .body("code", equalTo("RATE_LIMITED"));
    }

    private static Response login(String code, String address) {
        return given().header(NAT, address)
                .contentType("application/json")
                .body(Map.of("code", code))
                .post("/api/v1/session");
    }
}
