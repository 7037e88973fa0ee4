package io.jiasu.media;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.media.AvatarUploadTest.upload;
import static io.jiasu.media.AvatarUploadTest.uploadedAvatar;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.localstack.MediaCheck;
import io.jiasu.localstack.WechatStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The media check's round trip through the project's WeChat stub: an upload is checked off the request path, the
 * stub fetches the image, judges it and pushes the signed verdict to /wechat/push, and a risky avatar leaves every
 * profile showing it. A push not signed with our token changes nothing.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class MediaPushTest {
    private static final String PUSH = "/wechat/push";
    private static final Duration VERDICT_WAIT = Duration.ofSeconds(20);

    @Inject
    MongoClient mongo;

    @Inject
    MediaService media;

    private final String pushToken = ConfigProvider.getConfig().getValue("jiasu.wechat.push-token", String.class);

    @BeforeEach
    void pointTheStubsPushAtThisApp() {
        stub().pushTo("http://127.0.0.1:" + RestAssured.port + PUSH, pushToken);
    }

    @AfterEach
    void restoreTheStub() {
        stub().restoreSettings();
    }

    @Test
    void aRiskyAvatarGoesBackToTheDefaultForEveryUserShowingIt() {
        // the check is answered only after a while, so a second user can take the same avatar before the verdict;
        // the while stays inside the WeChat read timeout (1.5 s), or the call would fail and wait for the retry sweep
        stub().delay("media_check_async", Duration.ofMillis(1000));
        String uploader = login(unique("red"));
        String follower = login(unique("copycat"));
        byte[] red = Images.opaquePng(150 + ThreadLocalRandom.current().nextInt(100), 200, Color.RED);
        String url = uploadedAvatar(uploader, "red.png", "image/png", red);
        given().auth()
                .oauth2(follower)
                .contentType(ContentType.JSON)
                .body(Map.of("avatarUrl", url))
                .patch("/api/v1/me")
                .then()
                .statusCode(200)
                .body("avatarUrl", equalTo(url));

        await().atMost(VERDICT_WAIT).untilAsserted(() -> {
            given().auth().oauth2(uploader).get("/api/v1/me").then().body("avatarUrl", equalTo(null));
            given().auth().oauth2(follower).get("/api/v1/me").then().body("avatarUrl", equalTo(null));
        });
        given().get(url).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        String name = url.substring(url.lastIndexOf('/') + 1);
        given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/media-events")
                .then()
                .statusCode(200)
                .body("events.avatar", hasItem(name))
                .body("events.find { it.avatar == '" + name + "' }.risky", equalTo(true))
                .body("events.find { it.avatar == '" + name + "' }.suggest", equalTo("risky"));
        // the same image again is refused outright
        upload(login(unique("again")), "red.png", "image/png", red)
                .then()
                .statusCode(422)
                .body("code", equalTo("CONTENT_RISKY"));
    }

    @Test
    void aPassingAvatarStaysAndIsCheckedOnceWithTheUploadersOpenid() {
        String openid = unique("blue");
        String token = login(openid);
        String url = uploadedAvatar(
                token,
                "blue.jpg",
                "image/jpeg",
                Images.jpeg(90 + ThreadLocalRandom.current().nextInt(99), 60, Color.BLUE));

        MediaCheck check = awaitCheckOf(url);
        assertEquals(openid, check.openid());
        assertEquals(2, check.mediaType());
        String name = url.substring(url.lastIndexOf('/') + 1);
        await().atMost(VERDICT_WAIT)
                .untilAsserted(() -> given().auth()
                        .oauth2(Fixtures.ADMIN)
                        .get("/api/v1/admin/media-events?limit=100")
                        .then()
                        .body("events.find { it.avatar == '" + name + "' }.suggest", equalTo("pass")));
        given().auth().oauth2(token).get("/api/v1/me").then().body("avatarUrl", equalTo(url));
        given().get(url).then().statusCode(200);
    }

    @Test
    void aPushWithABadSignatureIsForbiddenAndChangesNothing() {
        Unjudged avatar = unjudgedAvatar("target", Color.GREEN);
        String token = avatar.token();
        String url = avatar.url();
        String traceId = avatar.traceId();
        String riskyVerdict = "{\"ToUserName\":\"gh_x\",\"FromUserName\":\"o\",\"CreateTime\":1,\"MsgType\":\"event\","
                + "\"Event\":\"wxa_media_check\",\"appid\":\"wxstub0000000000\",\"trace_id\":\"" + traceId
                + "\",\"version\":2,\"errcode\":0,\"errmsg\":\"ok\",\"result\":{\"suggest\":\"risky\",\"label\":20002}}";
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);

        for (String signature : List.of(sign("wrong-token", timestamp, "42"), "", sign(pushToken, timestamp, "43"))) {
            signed(signature, timestamp, "42")
                    .contentType(ContentType.JSON)
                    .body(riskyVerdict)
                    .post(PUSH)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
        }
        given().contentType(ContentType.JSON)
                .body(riskyVerdict)
                .post(PUSH)
                .then()
                .statusCode(403);

        given().auth().oauth2(token).get("/api/v1/me").then().body("avatarUrl", equalTo(url));
        given().get(url).then().statusCode(200);
        given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/media-events?limit=100")
                .then()
                .body("events.traceId", org.hamcrest.Matchers.not(hasItem(traceId)));
    }

    @Test
    void theUrlCheckAnswersTheEchoOnlyWhenSigned() {
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        signed(sign(pushToken, timestamp, "7"), timestamp, "7")
                .queryParam("echostr", "echo-123")
                .get(PUSH)
                .then()
                .statusCode(200)
                .body(equalTo("echo-123"));
        signed(sign("nope", timestamp, "7"), timestamp, "7")
                .queryParam("echostr", "echo-123")
                .get(PUSH)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aSignedRiskyPushForAnAvatarIsAppliedAtOnce() {
        Unjudged avatar = unjudgedAvatar("direct", Color.CYAN);
        String token = avatar.token();
        String url = avatar.url();
        String traceId = avatar.traceId();
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);

        signed(sign(pushToken, timestamp, "9"), timestamp, "9")
                .contentType(ContentType.JSON)
                .body("{\"Event\":\"wxa_media_check\",\"trace_id\":\"" + traceId
                        + "\",\"version\":2,\"result\":{\"suggest\":\"risky\",\"label\":20006}}")
                .post(PUSH)
                .then()
                .statusCode(200)
                .body(equalTo("success"));

        // the push may beat the app's write of the trace id; the verdict is then applied when that write lands
        await().atMost(VERDICT_WAIT)
                .untilAsserted(() ->
                        given().auth().oauth2(token).get("/api/v1/me").then().body("avatarUrl", equalTo(null)));
        given().get(url).then().statusCode(404);
    }

    @Test
    void aCheckWeChatFailsNeverFailsTheUploadAndIsSentAgainLater() {
        stub().pushTo(null, pushToken);
        stub().fault("media_check_async", WechatStub.Fault.DOWN);
        String url = uploadedAvatar(
                login(unique("unlucky")), "u.jpg", "image/jpeg", Images.noisyJpeg(40, 30, System.nanoTime()));
        String name = url.substring(url.lastIndexOf('/') + 1);
        await().atMost(VERDICT_WAIT).until(() -> "failed".equals(check(name).getString("state")));
        assertEquals(1, check(name).getInteger("attempts"));
        assertTrue(stub().mediaChecks().stream().noneMatch(c -> c.mediaUrl().endsWith(name)));

        stub().fault("media_check_async", WechatStub.Fault.NONE);
        avatars().updateOne(new Document("_id", name), new Document("$set", new Document("check.due", new Date(0))));
        media.sweep().await().atMost(VERDICT_WAIT);

        awaitCheckOf(url);
        assertEquals("sent", check(name).getString("state"));
    }

    private Document check(String name) {
        return avatars().find(new Document("_id", name)).first().get("check", Document.class);
    }

    private MongoCollection<Document> avatars() {
        return mongo.getDatabase("jiasu").getCollection("avatars");
    }

    /** A user with a fresh avatar whose check WeChat (the stub) received but whose verdict it kept to itself. */
    private Unjudged unjudgedAvatar(String who, Color colour) {
        stub().pushTo(null, pushToken);
        String token = login(unique(who));
        String url = uploadedAvatar(
                token,
                "a.jpg",
                "image/jpeg",
                Images.jpeg(60 + ThreadLocalRandom.current().nextInt(99), 40, colour));
        return new Unjudged(token, url, awaitCheckOf(url).traceId());
    }

    private record Unjudged(String token, String url, String traceId) {}

    private static MediaCheck awaitCheckOf(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        return await().atMost(VERDICT_WAIT)
                .until(
                        () -> stub().mediaChecks().stream()
                                .filter(check -> check.mediaUrl().endsWith("/media/avatars/" + name))
                                .findFirst()
                                .orElse(null),
                        check -> check != null);
    }

    /** A request carrying WeChat's push query: signature, timestamp and nonce. */
    private static RequestSpecification signed(String signature, String timestamp, String nonce) {
        return given().queryParam("signature", signature)
                .queryParam("timestamp", timestamp)
                .queryParam("nonce", nonce);
    }

    private static WechatStub stub() {
        return JiasuTestStack.wechat();
    }

    private static String sign(String token, String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
