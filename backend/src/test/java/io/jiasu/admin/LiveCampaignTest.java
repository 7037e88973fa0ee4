package io.jiasu.admin;

import static io.jiasu.Fixtures.ADMIN;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.joined;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.JiasuTestStack;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the console's live page reads: helps per minute, the board with share codes, and the console itself. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class LiveCampaignTest {

    @Test
    void helpsPerMinuteCountsThisMinutesHelps() {
        String cid = created(liveCampaign());
        Runner one = joined(cid, "one");
        Runner two = joined(cid, "two");
        for (int i = 0; i < 3; i++) {
            help(login(unique("f")), cid, one.shareCode()).then().statusCode(201);
        }
        help(login(unique("f")), cid, two.shareCode()).then().statusCode(201);

        List<Integer> helps = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("helpsPerMinute.helps", Integer.class);
        assertEquals(60, helps.size());
        // the helps may straddle a minute boundary
        assertEquals(4, helps.get(58) + helps.get(59));
        given().get("/q/metrics")
                .then()
                .body(containsString("jiasu_boost_accepted_total{campaign=\"" + cid + "\"} 4.0"));
    }

    @Test
    void theAdminBoardNamesShareCodesInOrder() {
        String cid = created(liveCampaign());
        Runner ahead = joined(cid, "ahead");
        Runner behind = joined(cid, "behind");
        help(login(unique("f")), cid, ahead.shareCode()).then().statusCode(201);
        help(login(unique("f")), cid, ahead.shareCode()).then().statusCode(201);
        help(login(unique("f")), cid, behind.shareCode()).then().statusCode(201);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/leaderboard?limit=5")
                .then()
                .statusCode(200)
                .body("entries.shareCode", org.hamcrest.Matchers.contains(ahead.shareCode(), behind.shareCode()))
                .body("entries[0].progress", equalTo(400))
                .body("entries[0].rank", equalTo(1));
    }

    @Test
    void theNewPathsArePublishedAsOpenApi() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/campaigns/{cid}/players/me/claim"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/campaigns/{cid}/players/me/wxacode"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/admin/campaigns/{cid}/winners.csv"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/admin/campaigns/{cid}/players/{shareCode}/ban"));
    }

    @Test
    void theConsoleIsServedAtAdmin() {
        given().redirects()
                .follow(false)
                .get("/admin")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(301), equalTo(302)))
                .header("Location", containsString("/admin/"));
        given().get("/admin/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("加速"));
    }
}
