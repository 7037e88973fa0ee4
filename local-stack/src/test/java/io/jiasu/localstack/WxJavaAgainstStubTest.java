package io.jiasu.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WxJava, the backend's WeChat client, works unchanged against the stub for every call Jiasu makes. */
class WxJavaAgainstStubTest {
    private static final String TEMPLATE = "tmpl-finished";
    private static final MutableClock CLOCK = new MutableClock();
    private static WechatStub stub;

    private WxMaService wx;

    @BeforeAll
    static void startStub() {
        stub = WechatStub.start(WechatStub.Options.builder().clock(CLOCK).build());
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void freshClient() {
        stub.reset();
        wx = wxJava(false);
    }

    /** A client configured the way the backend will: pointed at the stub, retrying -1 once after 1 ms. */
    private static WxMaService wxJava(boolean stableToken) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(WechatStub.Options.defaults().appid());
        config.setSecret(WechatStub.Options.defaults().secret());
        config.setApiHostUrl(stub.baseUrl());
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
    void aCodeLogsInAsTheUserNamedByItWithAStableSessionKey() throws Exception {
        WxMaJscode2SessionResult first = wx.getUserService().getSessionInfo("alice");
        WxMaJscode2SessionResult second = wx.getUserService().getSessionInfo("alice");
        WxMaJscode2SessionResult bob = wx.getUserService().getSessionInfo("bob");

        assertEquals("alice", first.getOpenid());
        assertEquals("alice", second.getOpenid());
        assertEquals(first.getSessionKey(), second.getSessionKey());
        assertEquals(16, Base64.getDecoder().decode(first.getSessionKey()).length);
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

    private static WxMaMsgSecCheckCheckRequest textCheck(String content) {
        return WxMaMsgSecCheckCheckRequest.builder()
                .version("2")
                .openid("alice")
                .scene(1)
                .content(content)
                .build();
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
