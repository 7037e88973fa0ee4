package io.jiasu.session;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class SessionResourceTest {

    @Test
    void loginAnswersAnOpaqueTokenAndTheSameUserEveryTime() {
        String code = unique("alice");
        var first = given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/session")
                .then()
                .statusCode(201)
                .body("token", notNullValue())
                .body("expiresAt", notNullValue())
                .body("user.nickname", equalTo("微信用户"))
                .extract();
        String body = first.asString();
        assertFalse(body.contains(code), "the openid must never leave the server");
        assertFalse(body.toLowerCase().contains("session_key") || body.contains("sessionKey"));
        assertTrue(first.<String>path("token").length() >= 43, "at least 256 random bits, base64url");

        String secondUser = given().contentType(ContentType.JSON)
                .body(Map.of("code", code))
                .post("/api/v1/session")
                .then()
                .statusCode(201)
                .extract()
                .path("user.id");
        assertEquals(first.<String>path("user.id"), secondUser);
    }

    @Test
    void tokenWorksUntilLogoutAndNotAfter() {
        String token = login(unique("bob"));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200).body("nickname", equalTo("微信用户"));
        given().auth().oauth2(token).delete("/api/v1/session").then().statusCode(204);
        given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void unknownMissingAndMalformedTokensAllGetTheSameAnswer() {
        given().get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth()
                .oauth2("not-a-token")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().header("Authorization", "Basic abc")
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void weChatRefusalsMapToTheApiCodes() {
        loginWith("invalid")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("WX_CODE_INVALID"));
        loginWith("risky").then().statusCode(403).body("code", equalTo("WX_RISK_USER"));
        loginWith("used").then().statusCode(401).body("code", equalTo("WX_CODE_INVALID"));
    }

    @Test
    void busyWeChatIsRetriedOnceThenAnsweredAsUnavailable() {
        int before = JiasuTestStack.wechat().calls("/sns/jscode2session");
        loginWith("busy").then().statusCode(502).body("code", equalTo("WX_UNAVAILABLE"));
        int calls = JiasuTestStack.wechat().calls("/sns/jscode2session") - before;
        assertEquals(2, calls, "one call and exactly one quick retry, never WxJava's six");
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheCaller() {
        String code = unique("everywhere");
        String phone = login(code);
        String tablet = login(code);
        String someoneElse = login(unique("other"));

        given().auth().oauth2(phone).delete("/api/v1/sessions").then().statusCode(204);

        for (String ended : new String[] {phone, tablet}) {
            given().auth().oauth2(ended).get("/api/v1/me").then().statusCode(401);
        }
        given().auth().oauth2(someoneElse).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(login(code)).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsUsed() throws Exception {
        var login = given().contentType(ContentType.JSON)
                .body(Map.of("code", unique("old")))
                .post("/api/v1/session")
                .then()
                .statusCode(201)
                .extract();
        String token = login.path("token");
        String userId = login.path("user.id");
        String key = "jiasu:session:"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(":1", JiasuTestStack.redis().command("EXISTS " + key));
        // the session as it stands 30 days after sign-in, before this instance has seen it: still sliding, past its
        // lifetime (an instance that has seen it knows the same lifetime: SessionCacheTest)
        long lifetimeOver = Instant.now().minusSeconds(1).getEpochSecond();
        assertEquals(
                "+OK",
                JiasuTestStack.redis().command("SET " + key + " \"" + userId + " " + lifetimeOver + "\" EX 600"));

        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
        assertEquals(":0", JiasuTestStack.redis().command("EXISTS " + key));
    }

    @Test
    void aSlowWeChatIsAnsweredWithinTwoSeconds() {
        JiasuTestStack.wechat().delay("/sns/jscode2session", Duration.ofSeconds(4));
        try {
            long start = System.nanoTime();
            loginWith(unique("slow")).then().statusCode(502).body("code", equalTo("WX_UNAVAILABLE"));
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis <= 2000, "answered after " + millis + " ms");
        } finally {
            JiasuTestStack.wechat().delay("/sns/jscode2session", Duration.ZERO);
        }
    }

    @Test
    void weChatsMinuteQuotaIsATooManyRequestsWithRetryAfter() {
        loginWith("limited")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "60")
                .body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void aLoginWithoutCodeIsAValidationFailure() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/session")
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void theAccessTokenIsFetchedOnceAndShared() {
        // code2session needs no access token; a nickname's content check does
        for (int i = 0; i < 20; i++) {
            given().auth()
                    .oauth2(login(unique("many")))
                    .contentType(ContentType.JSON)
                    .body(Map.of("nickname", "many" + i))
                    .patch("/api/v1/me")
                    .then()
                    .statusCode(200);
        }
        assertEquals(
                1,
                JiasuTestStack.wechat().calls("/cgi-bin/token"),
                "WeChat's access token comes from Redis after the first fetch");
    }

    @Test
    void aUserTokenDoesNotOpenAdminPaths() {
        given().auth()
                .oauth2(login(unique("eve")))
                .get("/api/v1/admin/campaigns")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/campaigns")
                .then()
                .statusCode(200)
                .body("campaigns", not(equalTo(null)));
    }

    private static io.restassured.response.Response loginWith(String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code)).post("/api/v1/session");
    }
}
