package io.jiasu.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub's HTTP behaviour as WeChat documents it, checked with a plain HTTP client. */
class WechatStubHttpTest {
    private static final String APPID = "wxtest1234567890";
    private static final String SECRET = "test-secret";
    private static final Duration SLOW_DELAY = Duration.ofMillis(400);
    private static final MutableClock CLOCK = new MutableClock();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WechatStub stub;

    @BeforeAll
    static void startStub() {
        stub = WechatStub.start(WechatStub.Options.builder()
                .appid(APPID)
                .secret(SECRET)
                .riskyWord("坏词")
                .slowDelay(SLOW_DELAY)
                .clock(CLOCK)
                .build());
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void resetJournalAndSettings() throws Exception {
        stub.reset();
        assertEquals(200, send(post("/stub/config", "{\"restore\":true}", null)).statusCode());
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return json(send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + pathAndQuery))));
    }

    private static JsonNode post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return json(send(post(pathAndQuery, body, null)));
    }

    private static HttpRequest.Builder post(String pathAndQuery, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.baseUrl() + pathAndQuery))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return timeout == null ? request : request.timeout(timeout);
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private static String token() throws IOException, InterruptedException {
        return get("/cgi-bin/token?grant_type=client_credential&appid=" + APPID + "&secret=" + SECRET)
                .get("access_token")
                .asText();
    }

    private static String login(String code) {
        return "/sns/jscode2session?grant_type=authorization_code&appid=" + APPID + "&secret=" + SECRET + "&js_code="
                + code;
    }

    private static JsonNode config(String json) throws IOException, InterruptedException {
        return post("/stub/config", json);
    }

    private static String secCheck(String content) {
        return "{\"content\":\"" + content + "\",\"version\":2,\"scene\":2,\"openid\":\"alice\"}";
    }

    @Test
    void tokenAnswersWithATwoHourToken() throws Exception {
        JsonNode answer = get("/cgi-bin/token?grant_type=client_credential&appid=" + APPID + "&secret=" + SECRET);

        assertTrue(answer.get("access_token").asText().length() >= 32);
        assertEquals(7200, answer.get("expires_in").asInt());
    }

    @Test
    void tokenChecksGrantTypeAppidAndSecretInWechatsOrder() throws Exception {
        assertEquals(
                40002,
                get("/cgi-bin/token?grant_type=x&appid=" + APPID + "&secret=" + SECRET)
                        .get("errcode")
                        .asInt());
        assertEquals(
                40013,
                get("/cgi-bin/token?grant_type=client_credential&appid=wrong&secret=wrong")
                        .get("errcode")
                        .asInt());
        assertEquals(
                40125,
                get("/cgi-bin/token?grant_type=client_credential&appid=" + APPID + "&secret=wrong")
                        .get("errcode")
                        .asInt());
        assertEquals(
                40125,
                get("/sns/jscode2session?grant_type=authorization_code&appid=" + APPID + "&secret=wrong&js_code=alice")
                        .get("errcode")
                        .asInt());
    }

    @Test
    void jscode2sessionNeedsNoAccessToken() throws Exception {
        JsonNode session = get("/sns/jscode2session?grant_type=authorization_code&appid=" + APPID + "&secret=" + SECRET
                + "&js_code=alice");

        assertEquals("alice", session.get("openid").asText());
        assertEquals(0, stub.calls("/cgi-bin/token"));
    }

    @Test
    void apiCallsNeedAnAccessTokenTheStubIssued() throws Exception {
        assertEquals(
                41001, post("/wxa/msg_sec_check", secCheck("hi")).get("errcode").asInt());
        assertEquals(
                40001,
                post("/wxa/msg_sec_check?access_token=made-up", secCheck("hi"))
                        .get("errcode")
                        .asInt());
        assertEquals(
                0,
                post("/wxa/msg_sec_check?access_token=" + token(), secCheck("hi"))
                        .get("errcode")
                        .asInt());
    }

    @Test
    void aTokenExpiresAfterItsLifetime() throws Exception {
        String token = token();
        CLOCK.advance(Duration.ofSeconds(7199));
        assertEquals(
                0,
                post("/wxa/msg_sec_check?access_token=" + token, secCheck("hi"))
                        .get("errcode")
                        .asInt());

        CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(
                42001,
                post("/wxa/msg_sec_check?access_token=" + token, secCheck("hi"))
                        .get("errcode")
                        .asInt());
    }

    @Test
    void aNewerTokenLeavesTheOldOneFiveMinutesThenItIsNotLatest() throws Exception {
        String old = token();
        String newer = token();
        assertNotEquals(old, newer);
        CLOCK.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertEquals(
                0,
                post("/wxa/msg_sec_check?access_token=" + old, secCheck("hi"))
                        .get("errcode")
                        .asInt());

        CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(
                40001,
                post("/wxa/msg_sec_check?access_token=" + old, secCheck("hi"))
                        .get("errcode")
                        .asInt());
        assertEquals(
                0,
                post("/wxa/msg_sec_check?access_token=" + newer, secCheck("hi"))
                        .get("errcode")
                        .asInt());
    }

    @Test
    void theStableTokenIsReusedUntilAForcedRefresh() throws Exception {
        String credentials =
                "\"grant_type\":\"client_credential\",\"appid\":\"" + APPID + "\",\"secret\":\"" + SECRET + "\"";
        JsonNode first = post("/cgi-bin/stable_token", "{" + credentials + "}");
        CLOCK.advance(Duration.ofSeconds(100));
        JsonNode again = post("/cgi-bin/stable_token", "{" + credentials + ",\"force_refresh\":false}");
        JsonNode forced = post("/cgi-bin/stable_token", "{" + credentials + ",\"force_refresh\":true}");

        assertEquals(first.get("access_token"), again.get("access_token"));
        assertEquals(7100, again.get("expires_in").asInt());
        assertNotEquals(first.get("access_token"), forced.get("access_token"));
        assertEquals(7200, forced.get("expires_in").asInt());
    }

    @Test
    void wrongHttpMethodsAreRefusedLikeWechat() throws Exception {
        assertEquals(43001, post("/cgi-bin/token", "{}").get("errcode").asInt());
        assertEquals(
                43002,
                get("/wxa/msg_sec_check?access_token=" + token()).get("errcode").asInt());
    }

    @Test
    void unknownPathsAreA404InvalidUrl() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/wxa/nope")));

        assertEquals(404, response.statusCode());
        assertEquals(40066, json(response).get("errcode").asInt());
        assertEquals(1, stub.calls("/wxa/nope"));
    }

    @Test
    void malformedJsonIsADataFormatError() throws Exception {
        assertEquals(
                47001,
                post("/wxa/msg_sec_check?access_token=" + token(), "{not json")
                        .get("errcode")
                        .asInt());
        assertEquals(
                47001,
                post("/wxa/msg_sec_check?access_token=" + token(), "[1]")
                        .get("errcode")
                        .asInt());
    }

    @Test
    void contentSecurityUsesTheConfiguredRiskyWordAndNeedsOpenidAndScene() throws Exception {
        String token = token();
        JsonNode risky = post("/wxa/msg_sec_check?access_token=" + token, secCheck("有坏词"));

        assertEquals("risky", risky.at("/result/suggest").asText());
        assertEquals(20001, risky.at("/result/label").asInt());
        assertEquals(
                "pass",
                post("/wxa/msg_sec_check?access_token=" + token, secCheck("违禁词"))
                        .at("/result/suggest")
                        .asText());
        assertEquals(
                40003,
                post("/wxa/msg_sec_check?access_token=" + token, "{\"content\":\"x\",\"version\":2,\"scene\":2}")
                        .get("errcode")
                        .asInt());
        assertEquals(
                47003,
                post(
                                "/wxa/msg_sec_check?access_token=" + token,
                                "{\"content\":\"x\",\"version\":2,\"scene\":9,\"openid\":\"alice\"}")
                        .get("errcode")
                        .asInt());
    }

    @Test
    void theSlowWordDelaysOnlyItsOwnAnswer() throws Exception {
        String token = token();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> slow = HTTP.sendAsync(
                post("/wxa/msg_sec_check?access_token=" + token, secCheck("x__slow__x"), null)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<CompletableFuture<HttpResponse<byte[]>>> quick = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            quick.add(HTTP.sendAsync(
                    post("/wxa/msg_sec_check?access_token=" + token, secCheck("fast"), null)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> answer : quick) {
            assertEquals(0, json(answer.get()).get("errcode").asInt());
        }
        assertTrue(!slow.isDone(), "the slow answer came back before the quick ones were all served");

        assertEquals("pass", json(slow.get()).at("/result/suggest").asText());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(SLOW_DELAY) >= 0);
        assertThrows(
                HttpTimeoutException.class,
                () -> send(post(
                        "/wxa/msg_sec_check?access_token=" + token, secCheck("__slow__"), Duration.ofMillis(100))));
    }

    @Test
    void wxaCodeClampsTheWidthLikeWechat() throws Exception {
        String token = token();
        HttpResponse<byte[]> small = send(post(
                "/wxa/getwxacodeunlimit?access_token=" + token,
                "{\"scene\":\"a\",\"page\":\"pages/index/index\",\"width\":100}",
                null));
        HttpResponse<byte[]> large = send(post(
                "/wxa/getwxacodeunlimit?access_token=" + token,
                "{\"scene\":\"a\",\"page\":\"pages/index/index\",\"width\":5000,\"is_hyaline\":true}",
                null));

        assertEquals("image/png", small.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(280, ImageIO.read(new ByteArrayInputStream(small.body())).getWidth());
        BufferedImage transparent = ImageIO.read(new ByteArrayInputStream(large.body()));
        assertEquals(1280, transparent.getWidth());
        assertEquals(0, transparent.getRGB(0, 0) >>> 24, "is_hyaline gives a transparent background");
        assertEquals(
                41030,
                post(
                                "/wxa/getwxacodeunlimit?access_token=" + token,
                                "{\"scene\":\"a\",\"page\":\"/pages/index/index\"}")
                        .get("errcode")
                        .asInt());
    }

    @Test
    void theJournalIsReadableAndResettableOverHttp() throws Exception {
        String token = token();
        post(
                "/cgi-bin/message/subscribe/send?access_token=" + token,
                "{\"touser\":\"bob\",\"template_id\":\"t1\",\"page\":\"pages/a\",\"data\":{\"thing1\":{\"value\":\"你好\"}}}");

        assertEquals(
                1, get("/stub/calls").get("/cgi-bin/message/subscribe/send").asInt());
        JsonNode message = get("/stub/subscribe-messages").at("/messages/0");
        assertEquals("bob", message.get("touser").asText());
        assertEquals("t1", message.get("templateId").asText());
        assertEquals("pages/a", message.get("page").asText());
        assertEquals("你好", message.at("/data/thing1").asText());

        assertEquals(204, send(post("/stub/reset", "", null)).statusCode());
        assertEquals(0, get("/stub/calls").size());
        assertEquals(0, get("/stub/subscribe-messages").get("messages").size());
        assertEquals(
                0,
                post("/wxa/msg_sec_check?access_token=" + token, secCheck("hi"))
                        .get("errcode")
                        .asInt(),
                "a reset keeps issued tokens valid");
    }

    @Test
    void thousandsOfConcurrentLoginsAreAnsweredCorrectly() throws Exception {
        int logins = 3000;
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            answers.add(HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create(stub.baseUrl()
                                    + "/sns/jscode2session?grant_type=authorization_code&appid=" + APPID + "&secret="
                                    + SECRET
                                    + "&js_code=u" + i))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        Set<String> sessionKeys = new HashSet<>();
        for (int i = 0; i < logins; i++) {
            JsonNode session = json(answers.get(i).get());
            assertEquals("u" + i, session.get("openid").asText());
            sessionKeys.add(session.get("session_key").asText());
        }
        assertEquals(logins, sessionKeys.size());
        assertEquals(logins, stub.calls("/sns/jscode2session"));
    }

    @Test
    void hundredsOfDelayedLoginsFinishInAboutOneDelayBecauseNoWorkerWaits() throws Exception {
        Duration delay = Duration.ofMillis(500);
        config("{\"delays\":{\"jscode2session\":\"500ms\"}}");
        int logins = 400;
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            answers.add(HTTP.sendAsync(
                    HttpRequest.newBuilder(URI.create(stub.baseUrl() + login("slow" + i)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < logins; i++) {
            assertEquals("slow" + i, json(answers.get(i).get()).get("openid").asText());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(took.compareTo(delay) >= 0, "answered before the delay: " + took);
        // Eight workers each holding a login for 500 ms would need 25 s for 400 of them.
        assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "400 delayed logins took " + took);
        assertEquals(logins, stub.calls("/sns/jscode2session"));
    }

    @Test
    void aDelayOnOneEndpointLeavesTheOthersQuick() throws Exception {
        config("{\"delays\":{\"/cgi-bin/token\":\"5s\"}}");

        assertThrows(
                HttpTimeoutException.class,
                () -> send(HttpRequest.newBuilder(URI.create(stub.baseUrl()
                                + "/cgi-bin/token?grant_type=client_credential&appid=" + APPID + "&secret=" + SECRET))
                        .timeout(Duration.ofMillis(300))));
        long started = System.nanoTime();
        assertEquals("alice", get(login("alice")).get("openid").asText());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void theConfigShowsWhatIsSetAndRefusesUnknownEndpointsWithAProblem() throws Exception {
        JsonNode set = config("{\"delays\":{\"jscode2session\":100,\"*\":\"2s\"},\"faults\":{\"token\":\"busy\"},"
                + "\"riskRanks\":{\"mallory\":4}}");
        HttpResponse<byte[]> unknown = send(post("/stub/config", "{\"delays\":{\"nope\":\"1s\"}}", null));
        HttpResponse<byte[]> badFault = send(post("/stub/config", "{\"faults\":{\"token\":\"sleepy\"}}", null));
        HttpResponse<byte[]> notJson = send(post("/stub/config", "{oops", null));

        assertEquals("100ms", set.at("/delays/~1sns~1jscode2session").asText());
        assertEquals("2000ms", set.at("/delays/*").asText());
        assertEquals("busy", set.at("/faults/~1cgi-bin~1token").asText());
        assertEquals(4, set.at("/riskRanks/mallory").asInt());
        assertFalse(set.get("pushTokenSet").asBoolean(true) && set.toString().contains("stub-push-token"));
        for (HttpResponse<byte[]> refused : List.of(unknown, badFault, notJson)) {
            assertEquals(400, refused.statusCode());
            assertEquals(
                    "application/problem+json",
                    refused.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("BAD_REQUEST", json(refused).get("code").asText());
        }
        assertEquals(
                "100ms", config("{}").at("/delays/~1sns~1jscode2session").asText(), "a refused change changes nothing");
        assertEquals(0, config("{\"restore\":true}").get("delays").size());
    }

    @Test
    void busyAndDownSwitchesBreakAnEndpointAndPutItBack() throws Exception {
        config("{\"faults\":{\"jscode2session\":\"busy\"}}");
        assertEquals(-1, get(login("alice")).get("errcode").asInt());

        config("{\"faults\":{\"jscode2session\":\"down\"}}");
        assertThrows(IOException.class, () -> get(login("alice")));

        config("{\"faults\":{\"jscode2session\":\"none\"}}");
        assertEquals("alice", get(login("alice")).get("openid").asText());
    }

    @Test
    void theStarFaultTakesEveryWechatEndpointDownButNotTheControlEndpoints() throws Exception {
        config("{\"faults\":{\"*\":\"down\"}}");

        assertThrows(IOException.class, () -> get(login("alice")));
        assertThrows(
                IOException.class,
                () -> get("/cgi-bin/token?grant_type=client_credential&appid=" + APPID + "&secret=" + SECRET));
        assertTrue(get("/stub/calls").has("/sns/jscode2session"));
        config("{\"faults\":{\"*\":\"none\",\"jscode2session\":\"busy\"}}");
        assertEquals(-1, get(login("alice")).get("errcode").asInt());
        assertTrue(get("/cgi-bin/token?grant_type=client_credential&appid=" + APPID + "&secret=" + SECRET)
                .has("access_token"));
    }

    @Test
    void shareInfoIsWechatsJsonEncryptedWithTheSessionKeyTheUserLastGot() throws Exception {
        String sessionKey = get(login("alice")).get("session_key").asText();

        HttpResponse<byte[]> answer =
                send(post("/stub/share-info", "{\"openid\":\"alice\",\"openGId\":\"tG-1\",\"kind\":\"share\"}", null));
        JsonNode share = decrypt(sessionKey, json(answer));

        assertEquals(200, answer.statusCode());
        assertFalse(new String(answer.body(), StandardCharsets.UTF_8).contains(sessionKey));
        assertEquals("tG-1", share.get("openGId").asText());
        assertEquals(APPID, share.at("/watermark/appid").asText());
        assertEquals(
                CLOCK.instant().getEpochSecond(),
                share.at("/watermark/timestamp").asLong());
    }

    @Test
    void groupEnterInfoUsesWechatsFieldNamesAndTheWatermarkCanBeForeignOrStale() throws Exception {
        String sessionKey = get(login("bob")).get("session_key").asText();

        JsonNode group = decrypt(
                sessionKey,
                post(
                        "/stub/share-info",
                        "{\"openid\":\"bob\",\"openGId\":\"tG-2\",\"kind\":\"groupEnter\","
                                + "\"appid\":\"wxother\",\"timestamp\":1500000000}"));

        assertEquals("tG-2", group.get("opengid").asText());
        assertEquals(3, group.get("chat_type").asInt());
        assertTrue(group.get("group_openid").asText().length() > 8);
        assertEquals("", group.get("open_single_roomid").asText());
        assertEquals("wxother", group.at("/watermark/appid").asText());
        assertEquals(1500000000L, group.at("/watermark/timestamp").asLong());
    }

    @Test
    void shareInfoForAUserWhoNeverLoggedInIsA404Problem() throws Exception {
        HttpResponse<byte[]> none =
                send(post("/stub/share-info", "{\"openid\":\"nobody\",\"openGId\":\"tG-1\",\"kind\":\"share\"}", null));
        HttpResponse<byte[]> badKind =
                send(post("/stub/share-info", "{\"openid\":\"nobody\",\"openGId\":\"tG-1\",\"kind\":\"card\"}", null));

        assertEquals(404, none.statusCode());
        assertEquals("NO_SESSION", json(none).get("code").asText());
        assertEquals(400, badKind.statusCode());
    }

    @Test
    void mediaChecksAndTheirPushesAreInTheJournalWithTheReceiversStatus() throws Exception {
        try (LocalReceiver app = new LocalReceiver()) {
            config("{\"pushUrl\":\"" + app.pushUrl() + "\",\"pushToken\":\"t0k\"}");
            app.answerPushesWith(403);
            String url = app.serve("white.png", LocalReceiver.square(Color.WHITE, 16, "png"));

            JsonNode answer = post(
                    "/wxa/media_check_async?access_token=" + token(),
                    "{\"media_url\":\"" + url + "\",\"media_type\":2,\"version\":2,\"scene\":1,\"openid\":\"alice\"}");
            stub.awaitPushes(1, Duration.ofSeconds(10));

            assertEquals(0, answer.get("errcode").asInt());
            String traceId = answer.get("trace_id").asText();
            JsonNode check = get("/stub/media-checks").at("/checks/0");
            assertEquals(traceId, check.get("traceId").asText());
            assertEquals(url, check.get("mediaUrl").asText());
            JsonNode push = get("/stub/pushes").at("/pushes/0");
            assertEquals(traceId, push.get("traceId").asText());
            assertEquals(403, push.get("status").asInt());
            assertEquals("pass", push.get("suggest").asText());
            LocalReceiver.Received received = app.pushes().get(0);
            assertEquals(
                    MessagePush.signature(
                            "t0k",
                            received.query().get("timestamp"),
                            received.query().get("nonce")),
                    received.query().get("signature"));
        }
    }

    @Test
    void withoutAPushUrlTheVerdictIsJournaledButNotSent() throws Exception {
        config("{\"pushUrl\":null}");

        post(
                "/wxa/media_check_async?access_token=" + token(),
                "{\"media_url\":\"http://127.0.0.1:1/x.png\",\"media_type\":2,\"version\":2,\"scene\":2,"
                        + "\"openid\":\"alice\"}");
        MediaPush push = stub.awaitPushes(1, Duration.ofSeconds(10)).get(0);

        assertEquals(0, push.status());
        assertEquals(-1008, push.errcode());
    }

    private static JsonNode decrypt(String sessionKey, JsonNode encrypted) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                new IvParameterSpec(
                        Base64.getDecoder().decode(encrypted.get("iv").asText())));
        return Json.MAPPER.readTree(cipher.doFinal(
                Base64.getDecoder().decode(encrypted.get("encryptedData").asText())));
    }
}
