package io.jiasu.admin;

import static io.jiasu.Fixtures.ADMIN;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.JiasuTestStack;
import io.jiasu.OperatorTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every caller against every admin path: the three roles from the identity provider's token, the admin token, a
 * user's session, no token, an expired and a forged JWT, a JWT without an operator role. A caller the path allows
 * gets past security (the path's own answer: 200, or 404 for a share code that does not exist); one it does not is
 * 403 FORBIDDEN; one that is nobody 401 UNAUTHENTICATED, both problem+json.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class AdminAccessTest {
    /** Who calls, and the highest operator role they hold (-1: none but signed in, -2: nobody). */
    record Caller(String name, Function<RequestSpecification, RequestSpecification> auth, int rank) {}

    /** An admin path, the lowest role it needs (index into VIEWER, OPERATOR, ADMIN) and what it answers when allowed. */
    record Endpoint(String method, String path, Object body, int needs, int allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final int VIEWER = 0;
    private static final int OPERATOR = 1;
    private static final int ADMIN_ROLE = 2;
    private static final int SIGNED_IN = -1;
    private static final int NOBODY = -2;

    private static String cid;
    private static String userToken;

    @BeforeEach
    void campaign() {
        if (cid == null) {
            cid = created(liveCampaign());
            userToken = login(unique("user"));
        }
    }

    private static List<Caller> callers() {
        return List.of(
                bearer("viewer", OperatorTokens.of("v-ann", "viewer"), VIEWER),
                bearer("operator", OperatorTokens.of("o-bob", "operator"), OPERATOR),
                bearer("admin", OperatorTokens.of("a-cai", "admin"), ADMIN_ROLE),
                bearer("admin token", ADMIN, ADMIN_ROLE),
                bearer("JWT without an operator role", OperatorTokens.of("x-dan", "offline_access"), SIGNED_IN),
                bearer("user session", userToken, SIGNED_IN),
                new Caller("no token", request -> request, NOBODY),
                bearer("expired JWT", OperatorTokens.expired("a-cai", "admin"), NOBODY),
                bearer("forged JWT", OperatorTokens.forged("a-cai", "admin"), NOBODY),
                bearer("not a token at all", "a.b.c", NOBODY));
    }

    private static List<Endpoint> endpoints() {
        String campaign = "/api/v1/admin/campaigns/" + cid;
        String nobody = campaign + "/players/nosuchplayer";
        return List.of(
                new Endpoint("GET", "/api/v1/admin/whoami", null, VIEWER, 200),
                new Endpoint("GET", "/api/v1/admin/campaigns", null, VIEWER, 200),
                new Endpoint("GET", campaign, null, VIEWER, 200),
                new Endpoint("GET", campaign + "/stats", null, VIEWER, 200),
                new Endpoint("GET", campaign + "/activity", null, VIEWER, 200),
                new Endpoint("GET", campaign + "/leaderboard", null, VIEWER, 200),
                new Endpoint("GET", campaign + "/winners", null, VIEWER, 200),
                new Endpoint("GET", campaign + "/players.csv", null, VIEWER, 200),
                new Endpoint("POST", nobody + "/ban", null, OPERATOR, 404),
                new Endpoint("DELETE", nobody + "/ban", null, OPERATOR, 404),
                new Endpoint("POST", nobody + "/claim/review", Map.of("decision", "APPROVED"), OPERATOR, 404),
                new Endpoint("GET", "/api/v1/admin/media-events", null, OPERATOR, 200),
                new Endpoint("GET", nobody, null, OPERATOR, 404),
                new Endpoint("GET", campaign + "/review-queue", null, OPERATOR, 200),
                new Endpoint(
                        "POST",
                        campaign + "/held-helps/nosuchhelp/review",
                        Map.of("decision", "APPROVED"),
                        OPERATOR,
                        404),
                new Endpoint("GET", campaign + "/risk-policy", null, VIEWER, 200),
                new Endpoint("PUT", campaign + "/risk-policy", Map.of("policy", "count"), ADMIN_ROLE, 200),
                new Endpoint("PUT", "/api/v1/admin/campaigns/" + unique("c"), liveCampaign(), ADMIN_ROLE, 200),
                new Endpoint("GET", campaign + "/winners.csv", null, ADMIN_ROLE, 200),
                new Endpoint("GET", campaign + "/winners.xlsx", null, ADMIN_ROLE, 200),
                new Endpoint("GET", "/api/v1/admin/audit", null, ADMIN_ROLE, 200),
                new Endpoint("POST", "/api/v1/admin/claims/rekey", null, ADMIN_ROLE, 200));
    }

    @Test
    void everyCallerGetsWhatTheirRoleAllowsOnEveryAdminPath() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : callers()) {
                int expected =
                        caller.rank() == NOBODY ? 401 : caller.rank() >= endpoint.needs() ? endpoint.allowed() : 403;
                Response answer = send(caller, endpoint);
                checked++;
                if (answer.statusCode() != expected) {
                    wrong.add(caller.name() + " → " + endpoint + ": " + answer.statusCode() + ", expected " + expected);
                } else if (expected == 401 || expected == 403) {
                    String code = expected == 401 ? "UNAUTHENTICATED" : "FORBIDDEN";
                    if (!answer.contentType().startsWith("application/problem+json")
                            || !code.equals(answer.jsonPath().getString("code"))) {
                        wrong.add(caller.name() + " → " + endpoint + ": not a " + code + " problem: "
                                + answer.asString());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(22 * 10, checked);
    }

    @Test
    void whoamiNamesTheSignedInOperatorAndTheRolesTheirRoleIncludes() {
        whoami(OperatorTokens.of("v-ann", "viewer", "offline_access"))
                .then()
                .statusCode(200)
                .body("name", equalTo("v-ann"))
                .body("roles", contains("viewer"));
        whoami(OperatorTokens.of("o-bob", "operator"))
                .then()
                .body("name", equalTo("o-bob"))
                .body("roles", contains("viewer", "operator"));
        whoami(OperatorTokens.of("值班-小李", "admin"))
                .then()
                .body("name", equalTo("值班-小李"))
                .body("roles", contains("viewer", "operator", "admin"));
        whoami(ADMIN).then().body("name", equalTo("token")).body("roles", contains("viewer", "operator", "admin"));
    }

    @Test
    void operatorsTokensAndTheAdminTokenMeanNothingOnUserPaths() {
        for (String token : List.of(ADMIN, OperatorTokens.of("a-cai", "admin"))) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/campaigns/" + cid + "/players/me")
                    .then()
                    .statusCode(401)
                    .body("code", equalTo("UNAUTHENTICATED"));
        }
        // and a user's session still works there
        given().auth()
                .oauth2(userToken)
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(201);
    }

    private static Response whoami(String token) {
        return given().auth().oauth2(token).get("/api/v1/admin/whoami");
    }

    private static Response send(Caller caller, Endpoint endpoint) {
        RequestSpecification request = caller.auth().apply(given());
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    private static Caller bearer(String name, String token, int rank) {
        return new Caller(name, request -> request.auth().oauth2(token), rank);
    }
}
