package io.jiasu.risk;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.joined;
import static io.jiasu.risk.Reviews.networkOf;
import static io.jiasu.risk.Reviews.review;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jiasu.JiasuTestStack;
import io.jiasu.OperatorTokens;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-player review: every help with the helper's card, time, scene and risk signals, the ones stored with the
 * help (WeChat's rank) and the ones only the record tells (a brand-new account that helped and left, a ring of
 * players who help each other); and who may see it.
 */
@QuarkusTest
@TestProfile(PatientRank.class)
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class ReviewTest {
    @Test
    void theReviewShowsEveryHelpWithItsHelperSceneAndSignals() {
        String cid = created(liveCampaign());
        Runner inviter = joined(cid, "inviter");
        String ownerToken = login(unique("owner"));
        String shareCode = given().auth()
                .oauth2(ownerToken)
                .contentType(ContentType.JSON)
                .body(Map.of("via", inviter.shareCode()))
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");
        // a ring: three players the owner helps, who help the owner back
        for (int i = 0; i < 3; i++) {
            Runner friend = joined(cid, "ring");
            help(ownerToken, cid, friend.shareCode(), 1044, 10 + i);
            help(friend.token(), cid, shareCode, 1044, 20 + i);
        }
        String risky = login(unique("risky"));
        help(risky, cid, shareCode, 1007, 30);
        String plain = login(unique("plain"));
        help(plain, cid, shareCode, 1008, 31);
        String plainCode = given().auth()
                .oauth2(plain)
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");

        Response answer = review(cid, shareCode);

        answer.then().statusCode(200).body(not(containsString("openid"))).body(not(containsString("userId")));
        JsonPath page = answer.jsonPath();
        assertEquals(shareCode, page.getString("shareCode"));
        assertEquals(1000, page.getInt("progress"));
        assertEquals(5, page.getInt("helpers"));
        assertNotNull(page.getString("finishedAt"));
        assertEquals(1, page.getInt("prizeRank"));
        assertEquals(inviter.shareCode(), page.getString("invitedBy.shareCode"));
        assertEquals(0, page.getInt("invited"));
        assertEquals(3, page.getInt("mutualHelpers"));
        assertEquals(List.of("ring", "wxRisk", "newAccount"), page.getList("signals"));
        assertEquals(List.of(1, 2, 3, 4, 5), page.getList("helps.n"));
        assertEquals(List.of(200, 200, 200, 200, 200), page.getList("helps.amount"));
        assertEquals(List.of(1044, 1044, 1044, 1007, 1008), page.getList("helps.scene"));
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("ring"), page.getList("helps[" + i + "].risk.signals"));
            assertEquals(0, page.getInt("helps[" + i + "].risk.rank"));
            assertNotNull(page.getString("helps[" + i + "].helper.shareCode"));
        }
        assertEquals(4, page.getInt("helps[3].risk.rank"));
        assertEquals(List.of("wxRisk", "newAccount"), page.getList("helps[3].risk.signals"));
        assertNull(page.getString("helps[3].helper.shareCode"));
        assertEquals(List.of(), page.getList("helps[4].risk.signals"));
        assertEquals(plainCode, page.getString("helps[4].helper.shareCode"));
        assertNotNull(page.getString("helps[4].helper.createdAt"));
        assertEquals(List.of("COUNTED", "COUNTED", "COUNTED", "COUNTED", "COUNTED"), page.getList("helps.state"));
    }

    @Test
    void theReviewIsForOperatorsAndUpAndNamesUnknownPlayersNotFound() {
        String cid = created(liveCampaign());
        Runner player = joined(cid, "p");
        String path = "/api/v1/admin/campaigns/" + cid + "/players/" + player.shareCode();

        given().auth()
                .oauth2(OperatorTokens.of("v-ann", "viewer"))
                .get(path)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(player.token()).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
        given().auth()
                .oauth2(OperatorTokens.of("o-bob", "operator"))
                .get(path)
                .then()
                .statusCode(200)
                .body("helps", equalTo(List.of()))
                .body("banned", equalTo(false));
        given().auth()
                .oauth2(OperatorTokens.of("a-cai", "admin"))
                .get("/api/v1/admin/campaigns/" + cid + "/players/nosuchplayer")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    private static void help(String token, String cid, String shareCode, int scene, int network) {
        given().auth()
                .oauth2(token)
                .header("X-Real-IP", networkOf(network))
                .contentType(ContentType.JSON)
                .body(Map.of("scene", scene))
                .post("/api/v1/campaigns/" + cid + "/players/" + shareCode + "/boosts")
                .then()
                .statusCode(201);
    }
}
