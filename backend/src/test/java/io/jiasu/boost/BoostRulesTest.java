package io.jiasu.boost;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.schedule;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class BoostRulesTest {

    @Test
    void helpsFollowThePublishedScheduleAndStopAtTheGoal() {
        // goal 1000: helps 1-5 add 200 each and reach it; with goal 1130: 5x200, then 100, then the last adds 30.
        Instant now = Instant.now();
        String cid = created(
                campaign(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), 1130, 5, schedule(), 50));
        String player = login(unique("runner"));
        String code = join(player, cid);

        int[] expected = {200, 200, 200, 200, 200, 100, 30};
        int progress = 0;
        for (int i = 0; i < expected.length; i++) {
            progress += expected[i];
            help(login(unique("friend")), cid, code)
                    .then()
                    .statusCode(201)
                    .body("amount", equalTo(expected[i]))
                    .body("progress", equalTo(progress))
                    .body("goal", equalTo(1130))
                    .body("finished", equalTo(i == expected.length - 1));
            given().auth()
                    .oauth2(player)
                    .get("/api/v1/campaigns/" + cid + "/players/me")
                    .then()
                    .body("progress", equalTo(progress))
                    .body("helpers", equalTo(i + 1))
                    .body("friendsNeeded", equalTo(expected.length - i - 1));
        }
        help(login(unique("tooLate")), cid, code).then().statusCode(409).body("code", equalTo("GOAL_REACHED"));
        given().auth()
                .oauth2(player)
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .then()
                .body("finishedAt", notNullValue())
                .body("prizeRank", equalTo(1))
                .body("rank", equalTo(1));
    }

    @Test
    void nobodyHelpsThemselvesOrTheSameFriendTwice() {
        String cid = created(liveCampaign());
        String player = login(unique("p"));
        String code = join(player, cid);
        help(player, cid, code).then().statusCode(403).body("code", equalTo("SELF_BOOST"));

        String friend = login(unique("f"));
        help(friend, cid, code).then().statusCode(201);
        help(friend, cid, code)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ALREADY_BOOSTED"));
        given().auth()
                .oauth2(player)
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .then()
                .body("helpers", equalTo(1));
    }

    @Test
    void aHelperNeedNotHaveJoinedAndSeesTheLandingPage() {
        String cid = created(liveCampaign());
        String code = join(login(unique("owner")), cid);
        String stranger = login(unique("stranger"));

        given().get("/api/v1/campaigns/" + cid + "/players/" + code)
                .then()
                .statusCode(200)
                .body("nickname", equalTo("微信用户"))
                .body("progress", equalTo(0))
                .body("boostedByMe", nullValue());
        given().auth()
                .oauth2(stranger)
                .get("/api/v1/campaigns/" + cid + "/players/" + code)
                .then()
                .body("boostedByMe", equalTo(false));
        help(stranger, cid, code).then().statusCode(201).body("amount", equalTo(200));
        given().auth()
                .oauth2(stranger)
                .get("/api/v1/campaigns/" + cid + "/players/" + code)
                .then()
                .body("boostedByMe", equalTo(true))
                .body("helpers", equalTo(1))
                .body("friendsNeeded", equalTo(4));
    }

    @Test
    void thePlayerSeesWhoHelpedNewestFirst() {
        String cid = created(liveCampaign());
        String player = login(unique("p"));
        String code = join(player, cid);
        String first = login(unique("first"));
        given().auth()
                .oauth2(first)
                .contentType("application/json")
                .body("{\"nickname\":\"第一位\"}")
                .patch("/api/v1/me")
                .then()
                .statusCode(200);
        help(first, cid, code).then().statusCode(201);
        help(login(unique("second")), cid, code).then().statusCode(201);

        given().auth()
                .oauth2(player)
                .get("/api/v1/campaigns/" + cid + "/players/me/boosts")
                .then()
                .statusCode(200)
                .body("boosts.size()", equalTo(2))
                .body("boosts[1].nickname", equalTo("第一位"))
                .body("boosts[0].amount", equalTo(200))
                .body("boosts[0].at", notNullValue());
    }

    @Test
    void joiningTwiceAnswersTheSamePlayer() {
        String cid = created(liveCampaign());
        String player = login(unique("p"));
        String code = join(player, cid);
        given().auth()
                .oauth2(player)
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(200)
                .body("shareCode", equalTo(code));
    }

    @Test
    void unknownShareCodesAndWindowsAreRefused() {
        String cid = created(liveCampaign());
        help(login(unique("h")), cid, "nosuchcode").then().statusCode(404).body("code", equalTo("NOT_FOUND"));

        Instant start = Instant.now().minus(Duration.ofDays(2));
        String ended = created(campaign(start, start.plus(Duration.ofDays(1)), 1000, 10, schedule(), 5));
        help(login(unique("h")), ended, "anything").then().statusCode(409).body("code", equalTo("CAMPAIGN_ENDED"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndHelpsOnce() {
        String cid = created(liveCampaign());
        String player = login(unique("p"));
        String code = join(player, cid);
        String friend = login(unique("f"));
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(friend)
                    .header("Idempotency-Key", "tap-1")
                    .post("/api/v1/campaigns/" + cid + "/players/" + code + "/boosts")
                    .then()
                    .statusCode(201)
                    .body("amount", equalTo(200))
                    .body("progress", equalTo(200));
        }
        given().auth()
                .oauth2(player)
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .then()
                .body("helpers", equalTo(1));
    }

    @Test
    void aNicknameWithTheRiskyWordIsRefusedAndKept() {
        String user = login(unique("u"));
        given().auth()
                .oauth2(user)
                .contentType("application/json")
                .body("{\"nickname\":\"违禁词先生\"}")
                .patch("/api/v1/me")
                .then()
                .statusCode(422)
                .body("code", equalTo("CONTENT_RISKY"));
        given().auth()
                .oauth2(user)
                .contentType("application/json")
                .body("{\"nickname\":\"" + "长".repeat(21) + "\"}")
                .patch("/api/v1/me")
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("nickname"));
        given().auth().oauth2(user).get("/api/v1/me").then().body("nickname", equalTo("微信用户"));
        given().auth()
                .oauth2(user)
                .contentType("application/json")
                .body("{\"nickname\":\"🚀火箭\"}")
                .patch("/api/v1/me")
                .then()
                .statusCode(200)
                .body("nickname", equalTo("🚀火箭"));
    }
}
