package io.jiasu.platform;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Redis stalled with the connections open ({@code CLIENT PAUSE}, as a stopped process or a failover looks to the
 * client): every signed-in request that needs Redis (a help: its gate script) is a 503 with Retry-After within about a
 * second, not a hang, readiness goes down, and the app recovers by itself when Redis answers again. (A read this
 * instance holds, a cached session and a snapshot, may still be answered: nothing waits on Redis for it.)
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class RedisStallTest {
    private static final long PAUSE_MILLIS = 10_000;

    @Test
    void aStalledRedisIsAFast503ForEverySignedInRequestThatNeedsItAndTheAppRecovers() {
        String cid = created(liveCampaign());
        String shareCode = join(login(unique("p")), cid);
        List<String> friends =
                IntStream.range(0, 33).mapToObj(i -> login(unique("f"))).toList();

        assertEquals("+OK", JiasuTestStack.redis().command("CLIENT PAUSE " + PAUSE_MILLIS + " ALL"));
        long pausedAt = System.nanoTime();
        List<long[]> answers;
        int readiness;
        long stalledFor;
        try {
            answers = Parallel.run(
                    16,
                    friends.subList(0, 32).stream()
                            .<Callable<long[]>>map(friend -> () -> {
                                long start = System.nanoTime();
                                Response answer = patient()
                                        .auth()
                                        .oauth2(friend)
                                        .post("/api/v1/campaigns/" + cid + "/players/" + shareCode + "/boosts");
                                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                                assertEquals("5", answer.header("Retry-After"));
                                assertEquals("UNAVAILABLE", answer.jsonPath().getString("code"));
                                return new long[] {answer.statusCode(), millis};
                            })
                            .toList());
            readiness = patient().get("/q/health/ready").statusCode();
            stalledFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt);
        } finally {
            // whatever failed here, the next test class starts once the pause is over (CLIENT UNPAUSE would wait too)
            Awaitility.await()
                    .atMost(PAUSE_MILLIS + 5_000, TimeUnit.MILLISECONDS)
                    .ignoreExceptions()
                    .until(() -> "+PONG".equals(JiasuTestStack.redis().command("PING")));
        }

        long slowest = answers.stream().mapToLong(a -> a[1]).max().orElseThrow();
        assertEquals(32, answers.stream().filter(a -> a[0] == 503).count(), "every help a 503");
        assertTrue(slowest < 2500, "slowest answer " + slowest + " ms");
        assertTrue(stalledFor < PAUSE_MILLIS, "the checks ran while Redis was still paused: " + stalledFor + " ms");
        assertEquals(503, readiness, "readiness down while Redis stalls");

        Awaitility.await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> {
            given().auth()
                    .oauth2(friends.get(32))
                    .post("/api/v1/campaigns/" + cid + "/players/" + shareCode + "/boosts")
                    .then()
                    .statusCode(201);
            given().get("/q/health/ready").then().statusCode(200);
        });
    }

    /** A client that waits at most 10 s, longer than the pause: a late answer is measured, not cut short. */
    private static RequestSpecification patient() {
        return given().config(RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 10_000)
                        .setParam("http.connection.timeout", 10_000)));
    }
}
