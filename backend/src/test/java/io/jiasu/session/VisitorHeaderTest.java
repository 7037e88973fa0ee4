package io.jiasu.session;

import static io.jiasu.Fixtures.ADMIN;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class VisitorHeaderTest {
    private static final String VISITOR = "X-Jiasu-Visitor";

    @Test
    void oneUserHasOneVisitorIdAcrossTwoLogins() throws Exception {
        String code = unique("carol");
        Response first = loginAnswer(code);
        Response second = loginAnswer(code);
        String userId = first.path("user.id");
        assertEquals(userId, second.path("user.id"));

        String visitor = first.header(VISITOR);
        assertTrue(visitor != null && visitor.matches("[0-9a-f]{32}"), "16 bytes, hex: " + visitor);
        assertEquals(visitor, second.header(VISITOR));
        assertEquals(expectedVisitorOf(userId), visitor, "HMAC-SHA256(VISITOR_KEY, user id), first 16 bytes");
        assertNotEquals(userId, visitor);
        assertFalse(visitor.contains(userId) || userId.contains(visitor));
        assertFalse(visitor.contains(code), "nothing of the openid shows");
    }

    @Test
    void everyAnswerToASignedInUserCarriesTheirVisitorId() throws Exception {
        String code = unique("dave");
        Response login = loginAnswer(code);
        String visitor = expectedVisitorOf(login.path("user.id"));
        String otherSession = login(code);

        assertEquals(
                visitor,
                given().auth()
                        .oauth2(login.path("token"))
                        .get("/api/v1/me")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header(VISITOR));
        assertEquals(
                visitor,
                given().auth()
                        .oauth2(otherSession)
                        .get("/api/v1/me")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header(VISITOR));
        // A public path answers a signed-in caller with the id too, errors included.
        assertEquals(
                visitor,
                given().auth()
                        .oauth2(otherSession)
                        .get("/api/v1/campaigns/" + unique("none"))
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .extract()
                        .header(VISITOR));
    }

    @Test
    void twoUsersHaveDifferentVisitorIds() {
        String first = loginAnswer(unique("erin")).header(VISITOR);
        String second = loginAnswer(unique("frank")).header(VISITOR);
        assertTrue(first != null && second != null);
        assertNotEquals(first, second);
    }

    @Test
    void anonymousAdminAndRefusedCallsCarryNoVisitorId() {
        String campaign = "/api/v1/campaigns/" + unique("none");
        assertNull(given().get(campaign).then().statusCode(404).extract().header(VISITOR));
        // An unknown token on a public path: no visitor, and the path answers as it does anonymously.
        assertNull(given().auth()
                .oauth2("not-a-session")
                .get(campaign)
                .then()
                .statusCode(404)
                .extract()
                .header(VISITOR));
        assertNull(given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns")
                .then()
                .statusCode(200)
                .extract()
                .header(VISITOR));
        assertNull(given().contentType(ContentType.JSON)
                .body(Map.of("code", "invalid"))
                .post("/api/v1/session")
                .then()
                .statusCode(401)
                .extract()
                .header(VISITOR));
        assertNull(given().get("/api/v1/me").then().statusCode(401).extract().header(VISITOR));
    }

    private static Response loginAnswer(String code) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/session")
                .then()
                .statusCode(201)
                .extract()
                .response();
    }

    /** Computed here from the test key, independently of the app's code. */
    private static String expectedVisitorOf(String userId) throws Exception {
        String key = ConfigProvider.getConfig().getValue("jiasu.visitor.key", String.class);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] full = mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(full, 0, 16);
    }
}
