package io.jiasu.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaGroupEnterInfo;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaMediaAsyncCheckResult;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaShareInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.safety.request.WxMaUserSafetyRiskRankRequest;
import cn.binarywang.wx.miniapp.bean.safety.response.WxMaUserSafetyRiskRankResponse;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import cn.binarywang.wx.miniapp.util.crypt.WxMaCryptUtils;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WxJava, the backend's WeChat client, works unchanged against the stub for every call Jiasu makes. */
class WxJavaAgainstStubTest {
    private static final String TEMPLATE = "tmpl-finished";
    private static final String PUSH_TOKEN = "push-token-under-test";
    private static final Duration PUSH_WAIT = Duration.ofSeconds(10);
    private static final MutableClock CLOCK = new MutableClock();
    private static WechatStub stub;
    private static LocalReceiver app;

    private WxMaService wx;

    @BeforeAll
    static void startStub() {
        stub = WechatStub.start(WechatStub.Options.builder()
                .clock(CLOCK)
                .pushToken(PUSH_TOKEN)
                .riskRank("carol", 2)
                .build());
        app = new LocalReceiver();
        stub.pushTo(app.pushUrl(), PUSH_TOKEN);
    }

    @AfterAll
    static void stopStub() {
        stub.close();
        app.close();
    }

    @BeforeEach
    void freshClient() {
        stub.reset();
        stub.restoreSettings();
        stub.pushTo(app.pushUrl(), PUSH_TOKEN);
        app.clear();
        wx = wxJava(false);
    }

    /** A client configured the way the backend will: pointed at the stub, retrying -1 once after 1 ms. */
    private static WxMaService wxJava(boolean stableToken) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(WechatStub.Options.defaults().appid());
        config.setSecret(WechatStub.Options.defaults().secret());
        config.setApiHostUrl(stub.baseUrl());
        config.setToken(PUSH_TOKEN);
        config.useStableAccessToken(stableToken);
        WxMaService service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        service.setMaxRetryTimes(1);
        service.setRetrySleepMillis(1);
        return service;
    }

    private static int errorCode(ThrowingCall call) {
        return assertThrows(WxErrorException.class, call::run).getError().getErrorCode();
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void aCodeLogsInAsTheUserNamedByItWithANewRandomSessionKeyEachTime() throws Exception {
        WxMaJscode2SessionResult first = wx.getUserService().getSessionInfo("alice");
        WxMaJscode2SessionResult second = wx.getUserService().getSessionInfo("alice");
        WxMaJscode2SessionResult bob = wx.getUserService().getSessionInfo("bob");

        assertEquals("alice", first.getOpenid());
        assertEquals("alice", second.getOpenid());
        assertNotEquals(first.getSessionKey(), second.getSessionKey());
        assertEquals(16, Base64.getDecoder().decode(first.getSessionKey()).length);
        assertEquals(16, Base64.getDecoder().decode(second.getSessionKey()).length);
        assertEquals("bob", bob.getOpenid());
        assertNotEquals(first.getSessionKey(), bob.getSessionKey());
    }

    @Test
    void reservedAndMalformedCodesRaiseWechatErrors() {
        assertEquals(40029, errorCode(() -> wx.getUserService().getSessionInfo("invalid")));
        assertEquals(40226, errorCode(() -> wx.getUserService().getSessionInfo("risky")));
        assertEquals(40163, errorCode(() -> wx.getUserService().getSessionInfo("used")));
        assertEquals(40029, errorCode(() -> wx.getUserService().getSessionInfo("dots.are.not.codes")));
        assertEquals(40029, errorCode(() -> wx.getUserService().getSessionInfo("x".repeat(65))));
    }

    @Test
    void busyIsRetriedByWxJavaAndThenRaisedAsMinusOne() {
        assertEquals(-1, errorCode(() -> wx.getUserService().getSessionInfo("busy")));
        assertEquals(2, stub.calls("/sns/jscode2session"), "one try and one retry");
    }

    @Test
    void theAccessTokenIsFetchedOnceForManyConcurrentCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> openids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String code = "user" + i;
                openids.add(pool.submit(
                        () -> wx.getUserService().getSessionInfo(code).getOpenid()));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals("user" + i, openids.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        wx.getUserService().getPhoneNumber("phonecode");
        wx.getSecurityService().checkMessage(textCheck("你好"));

        assertEquals(1, stub.calls("/cgi-bin/token"));
        assertEquals(200, stub.calls("/sns/jscode2session"));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedByWxJavaOnItsOwn() throws Exception {
        wx.getUserService().getPhoneNumber("before");
        CLOCK.advance(Duration.ofSeconds(7200));

        assertNotNull(wx.getUserService().getPhoneNumber("after"));
        assertEquals(2, stub.calls("/cgi-bin/token"));
        assertEquals(3, stub.calls("/wxa/business/getuserphonenumber"), "one 42001, then the retry with a new token");
    }

    @Test
    void theStableTokenVariantWorks() throws Exception {
        WxMaService stable = wxJava(true);

        stable.getUserService().getPhoneNumber("code1");
        stable.getUserService().getPhoneNumber("code2");

        assertEquals(1, stub.calls("/cgi-bin/stable_token"));
        assertEquals(0, stub.calls("/cgi-bin/token"));
    }

    @Test
    void unlimitedWxaCodeIsAPngThatImageIoDecodes() throws Exception {
        byte[] png = wx.getQrcodeService()
                .createWxaCodeUnlimitBytes(
                        "p=Ab3_x&c=2019", "pages/share/share", false, "release", 430, true, null, false);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO could not decode the answer");
        assertEquals(430, image.getWidth());
        assertEquals("p=Ab3_x&c=2019", PngScene.of(png));
    }

    @Test
    void wxaCodeIsDeterministicPerScene() throws Exception {
        byte[] first = wx.getQrcodeService()
                .createWxaCodeUnlimitBytes("s1", "pages/a", false, "release", 280, true, null, false);
        byte[] again = wx.getQrcodeService()
                .createWxaCodeUnlimitBytes("s1", "pages/a", false, "release", 280, true, null, false);
        byte[] other = wx.getQrcodeService()
                .createWxaCodeUnlimitBytes("s2", "pages/a", false, "release", 280, true, null, false);

        assertArrayEquals(first, again);
        assertNotEquals(
                Base64.getEncoder().encodeToString(first), Base64.getEncoder().encodeToString(other));
    }

    @Test
    void wxaCodeRejectsBadScenesAndMissingPages() {
        assertEquals(
                40169,
                errorCode(() -> wx.getQrcodeService()
                        .createWxaCodeUnlimitBytes(
                                "x".repeat(33), "pages/share/share", false, "release", 430, true, null, false)));
        assertEquals(
                40169,
                errorCode(() -> wx.getQrcodeService()
                        .createWxaCodeUnlimitBytes(
                                "no spaces", "pages/share/share", false, "release", 430, true, null, false)));
        assertEquals(
                41030,
                errorCode(() -> wx.getQrcodeService()
                        .createWxaCodeUnlimitBytes("s1", null, false, "release", 430, true, null, false)));
    }

    @Test
    void subscribeMessagesAreSentAndRecorded() throws Exception {
        wx.getSubscribeService().sendSubscribeMsg(finishedMessage("alice", "加速奔向2019"));

        assertEquals(
                List.of(new SentMessage(
                        "alice",
                        TEMPLATE,
                        "pages/campaign/campaign?cid=c1",
                        Map.of("thing1", "加速奔向2019", "number2", "1"))),
                stub.sentMessages());
    }

    @Test
    void subscribeMessageToAUserWhoRefusedFailsWith43101AndIsNotRecorded() {
        assertEquals(
                43101,
                errorCode(() -> wx.getSubscribeService().sendSubscribeMsg(finishedMessage("nosub-carol", "加速"))));
        assertTrue(stub.sentMessages().isEmpty());
    }

    @Test
    void subscribeMessageWithAThingOverTwentyCharactersFailsLikeWechat() {
        String title = "一二三四五六七八九十一二三四五六七八九十一";
        assertEquals(
                47003, errorCode(() -> wx.getSubscribeService().sendSubscribeMsg(finishedMessage("alice", title))));
    }

    @Test
    void contentSecurityV2PassesCleanTextAndFlagsTheRiskyWord() throws Exception {
        WxMaMsgSecCheckCheckResponse clean = wx.getSecurityService().checkMessage(textCheck("我的昵称"));
        WxMaMsgSecCheckCheckResponse risky = wx.getSecurityService().checkMessage(textCheck("昵称含违禁词"));

        assertEquals("pass", clean.getResult().getSuggest());
        assertEquals("100", clean.getResult().getLabel());
        assertNotNull(clean.getTraceId());
        assertEquals("risky", risky.getResult().getSuggest());
        assertEquals("20001", risky.getResult().getLabel());
        assertTrue(risky.getDetail().stream().anyMatch(d -> "违禁词".equals(d.getKeyword())));
    }

    @Test
    void contentSecurityV1AnswersRiskyTextWith87014() throws Exception {
        assertTrue(wx.getSecurityService().checkMessage("干净的文字"));
        assertEquals(87014, errorCode(() -> wx.getSecurityService().checkMessage("有违禁词")));
    }

    @Test
    void phoneNumberComesWithTheAppWatermark() throws Exception {
        WxMaPhoneNumberInfo info = wx.getUserService().getPhoneNumber("phone-code-1");

        assertTrue(info.getPhoneNumber().matches("138\\d{8}"), info.getPhoneNumber());
        assertEquals(info.getPhoneNumber(), info.getPurePhoneNumber());
        assertEquals("86", info.getCountryCode());
        assertEquals(WechatStub.Options.defaults().appid(), info.getWatermark().getAppid());
        assertEquals(
                String.valueOf(CLOCK.instant().getEpochSecond()),
                info.getWatermark().getTimestamp());
        assertEquals(
                info.getPhoneNumber(),
                wx.getUserService().getPhoneNumber("phone-code-1").getPhoneNumber());
        assertEquals(40029, errorCode(() -> wx.getUserService().getPhoneNumber("invalid")));
    }

    @Test
    void aMediaCheckAnswersATraceIdAndPushesASignedVerdictThatWxJavaReads() throws Exception {
        String url = app.serve("red.png", LocalReceiver.square(Color.RED, 64, "png"));

        WxMaMediaAsyncCheckResult answer = wx.getSecurityService().mediaCheckAsync(imageCheck(url, "alice"));
        MediaPush push = stub.awaitPushes(1, PUSH_WAIT).get(0);

        assertNotNull(answer.getTraceId());
        assertEquals(answer.getTraceId(), push.traceId());
        assertEquals(200, push.status());
        LocalReceiver.Received received = app.pushes().get(0);
        assertEquals("application/json", received.contentType());
        assertEquals("alice", received.query().get("openid"));
        assertTrue(wx.checkSignature(
                received.query().get("timestamp"),
                received.query().get("nonce"),
                received.query().get("signature")));
        WxMaMessage event = WxMaMessage.fromJson(received.body());
        assertEquals("event", event.getMsgType());
        assertEquals("wxa_media_check", event.getEvent());
        assertEquals("alice", event.getFromUser());
        assertTrue(event.getToUser().startsWith("gh_"), event.getToUser());
        assertEquals(WechatStub.Options.defaults().appid(), event.getAppid());
        assertEquals(answer.getTraceId(), event.getTraceId());
        assertEquals(2, event.getVersion());
        assertEquals(CLOCK.instant().getEpochSecond(), event.getCreateTime().longValue());
        assertEquals("risky", event.getResult().getSuggest());
        assertEquals("20002", event.getResult().getLabel());
        assertEquals("risky", event.getDetail().get(0).getSuggest());
        assertEquals(0, Json.MAPPER.readTree(received.body()).get("errcode").asInt());
    }

    @Test
    void aPushSignedWithAnotherTokenFailsWxJavasSignatureCheck() throws Exception {
        stub.pushTo(app.pushUrl(), "some-other-token");
        String url = app.serve("blue.png", LocalReceiver.square(Color.BLUE, 32, "png"));

        wx.getSecurityService().mediaCheckAsync(imageCheck(url, "alice"));
        stub.awaitPushes(1, PUSH_WAIT);

        Map<String, String> query = app.pushes().get(app.pushes().size() - 1).query();
        assertFalse(wx.checkSignature(query.get("timestamp"), query.get("nonce"), query.get("signature")));
    }

    @Test
    void theRiskyColourSurvivesTheServersReencodingWhileOtherColoursPassOrGoToReview() throws Exception {
        byte[] redUpload = LocalReceiver.square(Color.RED, 1024, "png");
        String red = app.serve("red-256.jpg", LocalReceiver.reencoded(redUpload, "jpg"));
        String green =
                app.serve("green.jpg", LocalReceiver.reencoded(LocalReceiver.square(Color.GREEN, 800, "png"), "jpg"));
        String darkRed = app.serve("dark-red.png", LocalReceiver.square(new Color(128, 0, 0), 100, "png"));

        String redTrace = wx.getSecurityService()
                .mediaCheckAsync(imageCheck(red, "alice"))
                .getTraceId();
        String greenTrace = wx.getSecurityService()
                .mediaCheckAsync(imageCheck(green, "alice"))
                .getTraceId();
        String darkRedTrace = wx.getSecurityService()
                .mediaCheckAsync(imageCheck(darkRed, "alice"))
                .getTraceId();
        List<MediaPush> pushes = stub.awaitPushes(3, PUSH_WAIT);

        assertEquals("risky", suggestionFor(pushes, redTrace));
        assertEquals("pass", suggestionFor(pushes, greenTrace));
        assertEquals("review", suggestionFor(pushes, darkRedTrace));
        assertEquals(3, stub.mediaChecks().size());
    }

    @Test
    void mediaThatCannotBeFetchedIsPushedWithWechatsDownloadError() throws Exception {
        String traceId = wx.getSecurityService()
                .mediaCheckAsync(imageCheck(app.missing("gone.png"), "alice"))
                .getTraceId();
        MediaPush push = stub.awaitPushes(1, PUSH_WAIT).get(0);

        assertEquals(traceId, push.traceId());
        assertEquals(-1008, push.errcode());
        assertNull(push.suggest());
        WxMaMessage event = WxMaMessage.fromJson(push.body());
        assertNull(event.getResult());
        assertTrue(event.getDetail().isEmpty());
        assertEquals(-1008, Json.MAPPER.readTree(push.body()).get("errcode").asInt());
    }

    @Test
    void aMediaCheckWithoutOpenidOrWithABadSceneIsRefusedLikeWechat() {
        String url = app.serve("any.png", LocalReceiver.square(Color.WHITE, 8, "png"));
        WxMaMediaSecCheckCheckRequest noOpenid = WxMaMediaSecCheckCheckRequest.builder()
                .mediaUrl(url)
                .mediaType(2)
                .version(2)
                .scene(1)
                .build();
        WxMaMediaSecCheckCheckRequest badScene = WxMaMediaSecCheckCheckRequest.builder()
                .mediaUrl(url)
                .mediaType(2)
                .version(2)
                .openid("alice")
                .scene(7)
                .build();

        assertEquals(40003, errorCode(() -> wx.getSecurityService().mediaCheckAsync(noOpenid)));
        assertEquals(47003, errorCode(() -> wx.getSecurityService().mediaCheckAsync(badScene)));
        assertTrue(stub.mediaChecks().isEmpty());
    }

    @Test
    void userRiskRanksComeFromTheOptionsTheRiskyPrefixAndOtherwiseZero() throws Exception {
        WxMaUserSafetyRiskRankResponse plain = wx.getSecurityService().getUserRiskRank(riskRank("alice"));
        WxMaUserSafetyRiskRankResponse configured = wx.getSecurityService().getUserRiskRank(riskRank("carol"));
        WxMaUserSafetyRiskRankResponse risky = wx.getSecurityService().getUserRiskRank(riskRank("risky-dave"));
        stub.riskRank("alice", 3);

        assertEquals(0, plain.getRiskRank());
        assertEquals(2, configured.getRiskRank());
        assertEquals(4, risky.getRiskRank());
        assertEquals(
                3, wx.getSecurityService().getUserRiskRank(riskRank("alice")).getRiskRank());
        assertNotNull(plain.getUnoinId());
        assertNotEquals(plain.getUnoinId(), configured.getUnoinId());
    }

    @Test
    void aRiskRankQueryWithoutClientIpIsRefused() {
        WxMaUserSafetyRiskRankRequest noIp = WxMaUserSafetyRiskRankRequest.builder()
                .appid(WechatStub.Options.defaults().appid())
                .openid("alice")
                .scene(1)
                .build();

        assertEquals(47003, errorCode(() -> wx.getSecurityService().getUserRiskRank(noIp)));
    }

    @Test
    void shareInfoTheStubEncryptsIsDecryptedByWxJavaWithTheUsersSessionKey() throws Exception {
        String sessionKey = wx.getUserService().getSessionInfo("alice").getSessionKey();

        WechatStub.EncryptedData data = stub.shareInfo("alice", "tGroup-42", WechatStub.ShareKind.SHARE);
        WxMaShareInfo info = wx.getShareService().getShareInfo(sessionKey, data.encryptedData(), data.iv());
        JsonNode plain =
                Json.MAPPER.readTree(WxMaCryptUtils.decryptAnotherWay(sessionKey, data.encryptedData(), data.iv()));

        assertEquals("tGroup-42", info.getOpenGId());
        assertEquals(
                WechatStub.Options.defaults().appid(),
                plain.at("/watermark/appid").asText());
        assertEquals(
                CLOCK.instant().getEpochSecond(),
                plain.at("/watermark/timestamp").asLong());
        assertFalse(data.encryptedData().contains(sessionKey) || data.iv().equals(sessionKey));
    }

    @Test
    void groupEnterInfoCarriesWechatsFieldsAndAForeignWatermarkWhenAsked() throws Exception {
        String sessionKey = wx.getUserService().getSessionInfo("bob").getSessionKey();
        Instant stale = CLOCK.instant().minus(Duration.ofDays(2));

        WechatStub.EncryptedData data =
                stub.shareInfo("bob", "tGroup-7", WechatStub.ShareKind.GROUP_ENTER, "wxforeign0000000", stale);
        WxMaGroupEnterInfo info = wx.getShareService().getGroupEnterInfo(sessionKey, data.encryptedData(), data.iv());
        JsonNode plain =
                Json.MAPPER.readTree(WxMaCryptUtils.decryptAnotherWay(sessionKey, data.encryptedData(), data.iv()));

        assertEquals("tGroup-7", info.getOpenGId());
        assertEquals(3, info.getChatType());
        assertFalse(info.getGroupOpenid().isEmpty());
        assertEquals("", info.getOpenSingleRoomid());
        assertEquals("wxforeign0000000", plain.at("/watermark/appid").asText());
        assertEquals(stale.getEpochSecond(), plain.at("/watermark/timestamp").asLong());
    }

    @Test
    void shareInfoIsEncryptedWithTheLatestSessionKeyOnly() throws Exception {
        String old = wx.getUserService().getSessionInfo("erin").getSessionKey();
        String latest = wx.getUserService().getSessionInfo("erin").getSessionKey();

        WechatStub.EncryptedData data = stub.shareInfo("erin", "tGroup-1", WechatStub.ShareKind.SHARE);

        assertEquals(
                "tGroup-1",
                wx.getShareService()
                        .getShareInfo(latest, data.encryptedData(), data.iv())
                        .getOpenGId());
        assertThrows(
                RuntimeException.class, () -> WxMaCryptUtils.decryptAnotherWay(old, data.encryptedData(), data.iv()));
        assertThrows(
                NoSuchElementException.class,
                () -> stub.shareInfo("never-logged-in", "tGroup-1", WechatStub.ShareKind.SHARE));
    }

    @Test
    void aBusyEndpointIsRetriedOnceByWxJavaThenRaisedAsMinusOne() {
        stub.fault("jscode2session", WechatStub.Fault.BUSY);

        assertEquals(-1, errorCode(() -> wx.getUserService().getSessionInfo("alice")));
        assertEquals(2, stub.calls("/sns/jscode2session"));
    }

    @Test
    void aDownEndpointFailsWxJavasCallWithoutAnAnswerUntilItIsBack() throws Exception {
        stub.fault("/wxa/getuserriskrank", WechatStub.Fault.DOWN);

        WxRuntimeException down = assertThrows(
                WxRuntimeException.class, () -> wx.getSecurityService().getUserRiskRank(riskRank("alice")));
        assertTrue(down.getCause() instanceof IOException, "no HTTP answer at all: " + down.getCause());
        assertEquals(1, stub.calls("/wxa/getuserriskrank"));
        stub.fault("/wxa/getuserriskrank", WechatStub.Fault.NONE);
        assertEquals(
                0, wx.getSecurityService().getUserRiskRank(riskRank("alice")).getRiskRank());
    }

    private static WxMaMsgSecCheckCheckRequest textCheck(String content) {
        return WxMaMsgSecCheckCheckRequest.builder()
                .version("2")
                .openid("alice")
                .scene(1)
                .content(content)
                .build();
    }

    private static WxMaMediaSecCheckCheckRequest imageCheck(String url, String openid) {
        return WxMaMediaSecCheckCheckRequest.builder()
                .mediaUrl(url)
                .mediaType(2)
                .version(2)
                .openid(openid)
                .scene(1)
                .build();
    }

    private static WxMaUserSafetyRiskRankRequest riskRank(String openid) {
        return WxMaUserSafetyRiskRankRequest.builder()
                .appid(WechatStub.Options.defaults().appid())
                .openid(openid)
                .scene(1)
                .clientIp("203.0.113.9")
                .build();
    }

    private static String suggestionFor(List<MediaPush> pushes, String traceId) {
        return pushes.stream()
                .filter(push -> push.traceId().equals(traceId))
                .findFirst()
                .orElseThrow()
                .suggest();
    }

    private static WxMaSubscribeMessage finishedMessage(String touser, String title) {
        return new WxMaSubscribeMessage()
                .setToUser(touser)
                .setTemplateId(TEMPLATE)
                .setPage("pages/campaign/campaign?cid=c1")
                .addData(new WxMaSubscribeMessage.MsgData("thing1", title))
                .addData(new WxMaSubscribeMessage.MsgData("number2", "1"));
    }
}
