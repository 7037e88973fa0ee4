package io.jiasu.boost;

import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.me;
import static io.jiasu.Fixtures.schedule;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.joined;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.jiasu.JiasuTestStack;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
        Runner player = joined(cid, "runner");

        int[] expected = {200, 200, 200, 200, 200, 100, 30};
        int progress = 0;
        for (int i = 0; i < expected.length; i++) {
            progress += expected[i];
            help(login(unique("friend")), cid, player.shareCode())
                    .then()
                    .statusCode(201)
                    .body("amount", equalTo(expected[i]))
                    .body("progress", equalTo(progress))
                    .body("goal", equalTo(1130))
                    .body("finished", equalTo(i == expected.length - 1));
            me(player.token(), cid)
                    .then()
                    .body("progress", equalTo(progress))
                    .body("helpers", equalTo(i + 1))
                    .body("friendsNeeded", equalTo(expected.length - i - 1));
        }
        help(login(unique("tooLate")), cid, player.shareCode())
                .then()
                .statusCode(409)
                .body("code", equalTo("GOAL_REACHED"));
        me(player.token(), cid)
                .then()
                .body("finishedAt", notNullValue())
                .body("prizeRank", equalTo(1))
                .body("rank", equalTo(1));
    }

    @Test
    void nobodyHelpsThemselvesOrTheSameFriendTwice() {
        String cid = created(liveCampaign());
        Runner player = joined(cid, "p");
        help(player.token(), cid, player.shareCode()).then().statusCode(403).body("code", equalTo("SELF_BOOST"));

        String friend = login(unique("f"));
        help(friend, cid, player.shareCode()).then().statusCode(201);
        help(friend, cid, player.shareCode())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ALREADY_BOOSTED"));
        me(player.token(), cid).then().body("helpers", equalTo(1));
    }

    @Test
    void aHelperNeedNotHaveJoinedAndSeesTheLandingPage() {
        String cid = created(liveCampaign());
        String code = join(login(unique("owner")), cid);
        String stranger = login(unique("stranger"));

        given().get(landing(cid, code))
                .then()
                .statusCode(200)
                .body("nickname", equalTo("微信用户"))
                .body("progress", equalTo(0))
                .body("boostedByMe", nullValue());
        landingAs(stranger, cid, code).then().body("boostedByMe", equalTo(false));
        help(stranger, cid, code).then().statusCode(201).body("amount", equalTo(200));
        landingAs(stranger, cid, code)
                .then()
                .body("boostedByMe", equalTo(true))
                .body("helpers", equalTo(1))
                .body("friendsNeeded", equalTo(4));
    }

    @Test
    void thePlayerSeesWhoHelpedNewestFirst() {
        String cid = created(liveCampaign());
        Runner player = joined(cid, "p");
        String first = login(unique("first"));
        nickname(first, "第一位").then().statusCode(200);
        help(first, cid, player.shareCode()).then().statusCode(201);
        help(login(unique("second")), cid, player.shareCode()).then().statusCode(201);

        given().auth()
                .oauth2(player.token())
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
        Runner player = joined(cid, "p");
        given().auth()
                .oauth2(player.token())
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(200)
                .body("shareCode", equalTo(player.shareCode()));
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
        Runner player = joined(cid, "p");
        String friend = login(unique("f"));
        for (int i = 0; i < 3; i++) {
            help(friend, cid, player.shareCode(), "tap-1")
                    .then()
                    .statusCode(201)
                    .body("amount", equalTo(200))
                    .body("progress", equalTo(200));
        }
        me(player.token(), cid).then().body("helpers", equalTo(1));
    }

    @Test
    void aNicknameWithTheRiskyWordIsRefusedAndKept() {
        String user = login(unique("u"));
        nickname(user, "违禁词先生").then().statusCode(422).body("code", equalTo("CONTENT_RISKY"));
        nickname(user, "长".repeat(21))
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("nickname"));
        given().auth().oauth2(user).get("/api/v1/me").then().body("nickname", equalTo("微信用户"));
        nickname(user, "🚀火箭").then().statusCode(200).body("nickname", equalTo("🚀火箭"));
    }

    private static String landing(String cid, String shareCode) {
        return "/api/v1/campaigns/" + cid + "/players/" + shareCode;
    }

    private static Response landingAs(String token, String cid, String shareCode) {
        return given().auth().oauth2(token).get(landing(cid, shareCode));
    }

    private static Response nickname(String token, String nickname) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body("{\"nickname\":\"" + nickname + "\"}")
                .patch("/api/v1/me");
    }
}
