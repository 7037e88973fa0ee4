package io.jiasu.risk;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.me;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.joined;
import static io.jiasu.risk.Reviews.helpFrom;
import static io.jiasu.risk.Reviews.metric;
import static io.jiasu.risk.Reviews.queue;
import static io.jiasu.risk.Reviews.setPolicy;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The network burst as the help's one Redis flush counts it: the helpers of one player from one /24 in the window, each
 * once however often they tap, and every flagged help of a concurrent burst in the review queue exactly once (the
 * flags of counted helps go in batches).
 */
@QuarkusTest
@TestProfile(PatientRank.class)
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class NetworkBurstTest {
    private static final int THREADS = 32;

    @Test
    void aHelperWhoTapsAgainIsStillOneHelperOfTheirNetwork() {
        String cid = burstCampaign();
        setPolicy(cid, "hold").then().statusCode(200);
        Runner player = joined(cid, "p");
        for (int i = 1; i <= 5; i++) {
            String helper = login(unique("plain"));
            String address = "198.51.100." + i;
            helpFrom(address, helper, cid, player.shareCode())
                    .then()
                    .statusCode(201)
                    .body("held", equalTo(false));
            helpFrom(address, helper, cid, player.shareCode())
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("ALREADY_BOOSTED"));
            for (int retry = 0; retry < 2; retry++) {
                helpFrom(address, helper, cid, player.shareCode(), "tap-" + i)
                        .then()
                        .statusCode(409)
                        .body("code", equalTo("ALREADY_BOOSTED"));
            }
        }

        helpFrom("198.51.100.99", login(unique("plain")), cid, player.shareCode())
                .then()
                .statusCode(201)
                .body("held", equalTo(true));
        assertEquals(5, me(player.token(), cid).jsonPath().getInt("helpers"));
        JsonPath waiting = queue(cid).jsonPath();
        assertEquals(1, waiting.getList("held").size());
        assertEquals(1, waiting.getInt("flagged[0].signals.network"));
    }

    @Test
    void everyFlaggedHelpOfAConcurrentBurstReachesTheReviewQueueOnce() {
        String cid = burstCampaign();
        Runner player = joined(cid, "p");
        List<Callable<Response>> helps = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String helper = login(unique("plain"));
            String address = "192.0.2." + i;
            helps.add(() -> helpFrom(address, helper, cid, player.shareCode()));
        }

        List<Response> answers = Parallel.run(THREADS, helps);

        assertEquals(40, answers.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(
                0, answers.stream().filter(r -> r.jsonPath().getBoolean("held")).count());
        assertEquals(40, me(player.token(), cid).jsonPath().getInt("helpers"));
        JsonPath waiting = queue(cid).jsonPath();
        assertEquals(List.of(player.shareCode()), waiting.getList("flagged.shareCode"));
        assertEquals(35, waiting.getInt("flagged[0].signals.network"));
        assertEquals(40.0, metric("jiasu_risk_helps_total", "campaign=\"" + cid + "\",outcome=\"counted\""));
    }

    /** Live for a day, a goal no burst reaches, five helps a day per helper. */
    private static String burstCampaign() {
        return created(Fixtures.campaign(
                Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86_400),
                10_000,
                10,
                Fixtures.schedule(),
                5));
    }
}
