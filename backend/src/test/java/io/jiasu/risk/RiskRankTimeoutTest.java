package io.jiasu.risk;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.joined;
import static io.jiasu.risk.Reviews.helpFrom;
import static io.jiasu.risk.Reviews.review;
import static io.jiasu.risk.Reviews.setPolicy;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slow WeChat never slows a help: with the stub's getUserRiskRank slowed well past the rank timeout (250 ms, while
 * still inside the WeChat client's own bound of 1.8 s), a new helper's help is answered without waiting for it, with
 * the rank unknown, and WeChat's late answer is kept for the helper's next help.
 */
@QuarkusTest
@TestProfile(RiskRankTimeoutTest.AskWechat.class)
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class RiskRankTimeoutTest {
    private static final String RISK_RANK = "/wxa/getuserriskrank";
    private static final Duration WECHAT_DELAY = Duration.ofMillis(1200);

    /** WeChat is asked, with the production timeout. */
    public static class AskWechat implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jiasu.risk.wechat-rank", "true");
        }
    }

    @AfterEach
    void wechatAnswersAtOnceAgain() {
        JiasuTestStack.wechat().delay(RISK_RANK, Duration.ZERO);
    }

    @Test
    void aSlowRiskRankNeitherSlowsNorHoldsAHelpAndItsLateAnswerJudgesTheNext() throws InterruptedException {
        String cid = created(liveCampaign());
        setPolicy(cid, "hold").then().statusCode(200);
        Runner first = joined(cid, "p");
        Runner second = joined(cid, "p");
        String helper = login(unique("risky"));
        String helperId =
                given().auth().oauth2(helper).get("/api/v1/me").then().extract().path("id");
        JiasuTestStack.wechat().delay(RISK_RANK, WECHAT_DELAY);

        long started = System.nanoTime();
        Response help = helpFrom("192.0.2.10", helper, cid, first.shareCode());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        help.then().statusCode(201).body("held", equalTo(false)).body("amount", equalTo(200));
        assertTrue(took.compareTo(WECHAT_DELAY) < 0, "the help took " + took);
        assertNull(review(cid, first.shareCode()).jsonPath().get("helps[0].risk.rank"));

        // WeChat answers after its delay; the answer is kept though nobody waited for it
        Instant deadline = Instant.now().plus(WECHAT_DELAY).plusSeconds(10);
        String kept = null;
        while (kept == null && Instant.now().isBefore(deadline)) {
            kept = JiasuTestStack.redis().bulk("GET jiasu:risk:rank:" + helperId);
            if (kept == null) {
                Thread.sleep(100);
            }
        }
        assertEquals("4", kept);

        int asked = JiasuTestStack.wechat().calls(RISK_RANK);
        helpFrom("192.0.2.10", helper, cid, second.shareCode())
                .then()
                .statusCode(201)
                .body("held", equalTo(true));
        assertEquals(asked, JiasuTestStack.wechat().calls(RISK_RANK), "the next help is judged from the cache");
    }
}
