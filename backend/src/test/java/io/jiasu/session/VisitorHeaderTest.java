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

        assertEquals(visitor, visitorOn("/api/v1/me", login.path("token"), 200));
        assertEquals(visitor, visitorOn("/api/v1/me", otherSession, 200));
        // A public path answers a signed-in caller with the id too, errors included.
        assertEquals(visitor, visitorOn("/api/v1/campaigns/" + unique("none"), otherSession, 404));
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
        assertNull(visitorOn(campaign, null, 404));
        // An unknown token on a public path: no visitor, and the path answers as it does anonymously.
        assertNull(visitorOn(campaign, "not-a-session", 404));
        assertNull(visitorOn("/api/v1/admin/campaigns", ADMIN, 200));
        assertNull(visitorOn("/api/v1/me", null, 401));
        Response refused = loginWith("invalid");
        assertEquals(401, refused.statusCode());
        assertNull(refused.header(VISITOR));
    }

    /** The visitor id on the answer to a GET of the path (null when it carries none), once its status is checked. */
    private static String visitorOn(String path, String token, int status) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.get(path).then().statusCode(status).extract().header(VISITOR);
    }

    private static Response loginWith(String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/session");
    }

    private static Response loginAnswer(String code) {
        Response answer = loginWith(code);
        assertEquals(201, answer.statusCode(), answer.asString());
        return answer;
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
