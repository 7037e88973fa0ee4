package io.jiasu.platform;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What on-call engineers rely on: metrics scraped from /q/metrics, health, and the published contract. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class OperationsTest {

    @Test
    void businessCountersMoveWhenThingsHappen() {
        double loginsBefore = metric("jiasu_session_logins_total\\{outcome=\"ok\"");
        double acceptedBefore = metric("jiasu_boost_helps_total\\{outcome=\"accepted\"");
        double refusedBefore = metric("jiasu_boost_helps_total\\{outcome=\"already_boosted\"");

        String cid = created(liveCampaign());
        String code = join(login(unique("p")), cid);
        String friend = login(unique("f"));
        help(friend, cid, code).then().statusCode(201);
        help(friend, cid, code).then().statusCode(409);

        assertTrue(metric("jiasu_session_logins_total\\{outcome=\"ok\"") >= loginsBefore + 2);
        assertTrue(metric("jiasu_boost_helps_total\\{outcome=\"accepted\"") >= acceptedBefore + 1);
        assertTrue(metric("jiasu_boost_helps_total\\{outcome=\"already_boosted\"") >= refusedBefore + 1);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jiasu_prize_remaining{campaign=\"" + cid + "\"} 10.0"))
                .body(containsString("jiasu_wechat_calls_seconds_count{api=\"code2session\",outcome=\"ok\""));
    }

    @Test
    void aPrizeTakenShowsInTheStockGauge() {
        String cid = created(liveCampaign());
        String code = join(login(unique("p")), cid);
        for (int i = 0; i < 5; i++) {
            help(login(unique("f")), cid, code).then().statusCode(201);
        }
        given().get("/q/metrics")
                .then()
                .body(containsString("jiasu_prize_remaining{campaign=\"" + cid + "\"} 9.0"))
                .body(containsString("jiasu_prize_taken_total{campaign=\"" + cid + "\"} 1.0"));
    }

    @Test
    void readinessReflectsMongoDbAndRedis() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body(
                        "checks.name",
                        org.hamcrest.Matchers.hasItems(containsString("MongoDB"), containsString("Redis")));
    }

    @Test
    void theContractIsPublishedAsOpenApi() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/campaigns/{cid}/players/{shareCode}/boosts"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/session"));
    }

    private static double metric(String prefix) {
        String text = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("^" + prefix + "[^}]*} ([0-9.E+-]+)$", Pattern.MULTILINE)
                .matcher(text);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
