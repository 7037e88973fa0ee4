package io.jiasu.campaign;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.define;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.schedule;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class CampaignAdminTest {

    @Test
    void aPublishedLiveCampaignShowsItsRulesAndStock() {
        String cid = created(liveCampaign());
        given().get("/api/v1/campaigns/" + cid)
                .then()
                .statusCode(200)
                .body("status", equalTo("LIVE"))
                .body("goal", equalTo(1000))
                .body("prizeTotal", equalTo(10))
                .body("prizeRemaining", equalTo(10))
                .body("dailyHelpLimit", equalTo(5))
                .body("helpsToGoal", equalTo(5))
                .body("schedule[2].helpers", nullValue())
                .body("schedule[0].amount", equalTo(200))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("$", not(hasKey("locked")))
                .body("$", not(hasKey("prizesTaken")));
    }

    @Test
    void anUnpublishedCampaignIsNotServedAtAll() {
        Map<String, Object> draft = liveCampaign();
        draft.put("published", false);
        String cid = created(draft);
        given().get("/api/v1/campaigns/" + cid).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/v1/campaigns/" + cid + "/leaderboard").then().statusCode(404);
        given().get("/api/v1/campaigns/" + cid + "/winners").then().statusCode(404);
        given().auth()
                .oauth2(login(unique("u")))
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(404);
    }

    @Test
    void beforeTheStartThereIsNoStockAndNoJoining() {
        Instant start = Instant.now().plus(Duration.ofHours(2));
        String cid = created(campaign(start, start.plus(Duration.ofDays(1)), 1000, 10, schedule(), 5));
        given().get("/api/v1/campaigns/" + cid)
                .then()
                .statusCode(200)
                .body("status", equalTo("UPCOMING"))
                .body("prizeRemaining", nullValue());
        given().auth()
                .oauth2(login(unique("early")))
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(409)
                .body("code", equalTo("CAMPAIGN_NOT_STARTED"));
    }

    @Test
    void afterTheEndNobodyJoins() {
        Instant start = Instant.now().minus(Duration.ofDays(2));
        String cid = created(campaign(start, start.plus(Duration.ofDays(1)), 1000, 10, schedule(), 5));
        given().get("/api/v1/campaigns/" + cid).then().body("status", equalTo("ENDED"));
        given().auth()
                .oauth2(login(unique("late")))
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(409)
                .body("code", equalTo("CAMPAIGN_ENDED"));
    }

    @Test
    void everyBrokenFieldIsListed() {
        Instant start = Instant.now();
        Map<String, Object> broken =
                campaign(start, start.minus(Duration.ofHours(1)), 0, 0, List.of(tier(5, 200), tier(3, 100)), 0);
        broken.put("title", "");
        define(unique("bad"), broken)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(
                        "errors.field",
                        hasItems("title", "endsAt", "goal", "prizeTotal", "dailyHelpLimit", "schedule[1].helpers"));
        define("bad id!", liveCampaign()).then().statusCode(422).body("errors.field", hasItems("id"));
    }

    @Test
    void eachBrokenRuleIsNamedOnceWithItsMessageAndTheAttemptIsAudited() {
        Instant start = Instant.now();
        Map<String, Object> broken = campaign(
                start,
                start.plus(Duration.ofDays(91)),
                1_000_000,
                10,
                List.of(tier(5, 200), tier(null, 0), tier(2, 1)),
                5);
        broken.put("claimDeadline", start.toString());
        broken.put("timeZone", "Mars/Olympus");
        broken.put("title", "   ");
        String cid = unique("broken");
        define(cid, broken)
                .then()
                .statusCode(422)
                .body(
                        "errors",
                        equalTo(List.of(
                                Map.of("field", "claimDeadline", "message", "must not be before endsAt"),
                                Map.of("field", "endsAt", "message", "must be at most 90 days after startsAt"),
                                Map.of("field", "schedule[1].amount", "message", "must be at least 1"),
                                Map.of(
                                        "field",
                                        "schedule[1].helpers",
                                        "message",
                                        "must be at least 1; only the last tier is open-ended"),
                                Map.of(
                                        "field",
                                        "schedule[2].helpers",
                                        "message",
                                        "the last tier must be open-ended (null)"),
                                Map.of(
                                        "field",
                                        "timeZone",
                                        "message",
                                        "must be an IANA time zone such as Asia/Shanghai"),
                                Map.of("field", "title", "message", "must be 1 to 60 characters"))));

        Map<String, Object> tooSlow = liveCampaign();
        tooSlow.put("goal", 1_000_000);
        tooSlow.put("schedule", List.of(tier(null, 1)));
        define(cid, tooSlow)
                .then()
                .statusCode(422)
                .body(
                        "errors",
                        equalTo(List.of(
                                Map.of("field", "schedule", "message", "must reach the goal within 10000 helps"))));
        given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/audit")
                .then()
                .body("entries.findAll { it.target == '" + cid + "' }.outcome", everyItem(equalTo("validation_failed")))
                .body("entries.findAll { it.target == '" + cid + "' }.size()", equalTo(2));
    }

    @Test
    void goalAndScheduleFreezeOnceSomeoneJoinedButTheTitleMayChange() {
        Map<String, Object> definition = liveCampaign();
        String cid = created(definition);
        join(login(unique("first")), cid);

        definition.put("goal", 2000);
        define(cid, definition).then().statusCode(409).body("code", equalTo("CAMPAIGN_LOCKED"));

        definition.put("goal", 1000);
        definition.put("title", "新标题");
        define(cid, definition)
                .then()
                .statusCode(200)
                .body("title", equalTo("新标题"))
                .body("locked", equalTo(true));
        given().get("/api/v1/campaigns/" + cid).then().body("goal", equalTo(1000));
    }

    @Test
    void adminPathsNeedTheAdminToken() {
        given().get("/api/v1/admin/campaigns").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("wrong").put("/api/v1/admin/campaigns/x").then().statusCode(401);
    }
}
