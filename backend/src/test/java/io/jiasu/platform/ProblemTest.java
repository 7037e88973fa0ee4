package io.jiasu.platform;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every failure a client can provoke is a problem+json with a stable code, never a stack trace. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class ProblemTest {

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType(ContentType.JSON)
                .body("{\"code\": ")
                .post("/api/v1/session")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("BAD_REQUEST"))
                .body("type", equalTo("/problems/bad-request"))
                .body("status", equalTo(400))
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongTypesAreABadRequest() {
        given().auth()
                .oauth2(Fixtures.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"goal\":\"lots\",\"startsAt\":\"tomorrow\"}")
                .put("/api/v1/admin/campaigns/" + unique("t"))
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
    }

    @Test
    void aBodyOverSixteenKibIsRefused() {
        String big = "{\"code\":\"" + "a".repeat(17 * 1024) + "\"}";
        given().contentType(ContentType.JSON)
                .body(big)
                .post("/api/v1/session")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        given().get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().get("/no/such/page").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().get("/api/v1/campaigns/" + unique("ghost"))
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().put("/api/v1/session").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void aLeaderboardLimitMustBeANumberUpToAHundred() {
        String cid = Fixtures.created(Fixtures.liveCampaign());
        given().queryParam("limit", "lots")
                .get("/api/v1/campaigns/" + cid + "/leaderboard")
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 101)
                .get("/api/v1/campaigns/" + cid + "/leaderboard")
                .then()
                .statusCode(422);
    }

    @Test
    void aBadIdempotencyKeyIsABadRequest() {
        String cid = Fixtures.created(Fixtures.liveCampaign());
        String code = Fixtures.join(login(unique("p")), cid);
        given().auth()
                .oauth2(login(unique("f")))
                .header("Idempotency-Key", "x".repeat(65))
                .post("/api/v1/campaigns/" + cid + "/players/" + code + "/boosts")
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
    }
}
