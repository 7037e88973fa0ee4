package io.jiasu.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaCodeLineColor;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.bean.safety.request.WxMaUserSafetyRiskRankRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMediaSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckRequest;
import cn.binarywang.wx.miniapp.bean.security.WxMaMsgSecCheckCheckResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Callable;
import me.chanjar.weixin.common.error.WxErrorException;
import org.jboss.logging.Logger;

/**
 * Our face of the WeChat server API: each call runs WxJava on a worker thread, is bounded in time, maps WeChat's
 * error codes to ours and is timed in {@code jiasu.wechat.calls} by api and outcome.
 */
@ApplicationScoped
public class WechatClient {
    private static final Logger LOG = Logger.getLogger(WechatClient.class);
    private static final int MSG_SEC_CHECK_SCENE_PROFILE = 1;
    private static final int MEDIA_TYPE_IMAGE = 2;
    private static final int RISK_SCENE_MARKETING = 1;
    private static final int SUBSCRIPTION_REFUSED = 43101;
    /** WeChat's per-minute quota (45011): the caller should come back in the next minute, not see a 502. */
    private static final int FREQUENCY_LIMITED = 45011;

    private static final int WXA_CODE_WIDTH = 430;
    private static final WxMaCodeLineColor BLACK = new WxMaCodeLineColor("0", "0", "0");

    private final WxMaService wx;
    private final Code2Session code2session;
    private final WechatConfig config;
    private final MeterRegistry metrics;

    WechatClient(WxMaService wx, Code2Session code2session, WechatConfig config, MeterRegistry metrics) {
        this.wx = wx;
        this.code2session = code2session;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Loads and connects the login's request path once, off the request path, as the app starts, and fetches (or reads
     * from Redis) the access token: the first call of a cold instance would otherwise spend much of its {@code
     * call-timeout} loading classes, opening a connection and fetching the token. The warm-up's login code is one
     * WeChat refuses (40029); nothing is logged or counted.
     */
    void warmUp(@Observes StartupEvent start) {
        // the access token too (every call but code2session needs it), so the first content check does not pay for it
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                wx.getAccessToken();
            } catch (Exception | LinkageError e) {
                LOG.debugf("WeChat access token warm-up: %s", e.getClass().getSimpleName());
            }
        });
        code2session
                .exchange("jiasu-warm-up")
                .subscribe()
                .with(
                        ignored -> {},
                        expected -> LOG.debugf(
                                "WeChat warm-up done: %s", expected.getClass().getSimpleName()));
    }

    /** Trades a wx.login code for the user's openid and session key (code2session), without holding a thread. */
    public Uni<WxLogin> login(String code) {
        return timed(
                "code2session",
                code2session
                        .exchange(code)
                        .onFailure(WxErrorException.class)
                        .transform(e -> mapped(
                                "code2session",
                                ((WxErrorException) e).getError().getErrorCode())));
    }

    /** Asks content security whether text a user wrote may be shown (msgSecCheck v2); true when it passes. */
    public Uni<Boolean> isTextSafe(String openid, String text) {
        return call("msg_sec_check", () -> {
            WxMaMsgSecCheckCheckRequest request = WxMaMsgSecCheckCheckRequest.builder()
                    .version("2")
                    .openid(openid)
                    .scene(MSG_SEC_CHECK_SCENE_PROFILE)
                    .content(text)
                    .build();
            WxMaMsgSecCheckCheckResponse response = wx.getSecurityService().checkMessage(request);
            return response.getResult() == null
                    || "pass".equals(response.getResult().getSuggest());
        });
    }

    /**
     * Sends an image to WeChat's asynchronous media check (mediaCheckAsync v2, scene "profile"); WeChat fetches it
     * from {@code mediaUrl} and pushes its verdict later. Answers the check's trace id.
     */
    public Uni<String> checkMediaAsync(String mediaUrl, String openid) {
        return call("media_check_async", () -> {
            WxMaMediaSecCheckCheckRequest request = WxMaMediaSecCheckCheckRequest.builder()
                    .mediaUrl(mediaUrl)
                    .mediaType(MEDIA_TYPE_IMAGE)
                    .version(2)
                    .openid(openid)
                    .scene(MSG_SEC_CHECK_SCENE_PROFILE)
                    .build();
            return wx.getSecurityService().mediaCheckAsync(request).getTraceId();
        });
    }

    /**
     * WeChat's security rank of a user (getUserRiskRank, scene 1: marketing), 0 (none) to 4 (highest), from their
     * openid and the client address of the request that prompted the question.
     */
    public Uni<Integer> userRiskRank(String openid, String clientIp) {
        return call("user_risk_rank", () -> {
            WxMaUserSafetyRiskRankRequest request = WxMaUserSafetyRiskRankRequest.builder()
                    .appid(config.appid())
                    .openid(openid)
                    .scene(RISK_SCENE_MARKETING)
                    .clientIp(clientIp)
                    .build();
            Integer rank = wx.getSecurityService().getUserRiskRank(request).getRiskRank();
            return rank == null ? 0 : rank;
        });
    }

    /** The PNG of a mini-program code opening {@code page} with {@code scene} (getUnlimited: no quota, 32-char scene). */
    public Uni<byte[]> wxaCode(String scene, String page) {
        return call(
                "wxacode",
                () -> wx.getQrcodeService()
                        .createWxaCodeUnlimitBytes(scene, page, false, "release", WXA_CODE_WIDTH, false, BLACK, false));
    }

    /**
     * Sends a subscribe message; REFUSED when the user has not subscribed to the template (43101). Keyword values must
     * fit their type (a {@code thing} holds 20 characters) or WeChat refuses the whole message.
     */
    public Uni<SubscribeOutcome> sendSubscribe(
            String openid, String templateId, String page, Map<String, String> data) {
        return call("subscribe_send", () -> {
            WxMaSubscribeMessage message = new WxMaSubscribeMessage();
            message.setToUser(openid);
            message.setTemplateId(templateId);
            message.setPage(page);
            data.forEach((keyword, value) -> message.addData(new WxMaSubscribeMessage.MsgData(keyword, value)));
            try {
                wx.getSubscribeService().sendSubscribeMsg(message);
                return SubscribeOutcome.SENT;
            } catch (WxErrorException e) {
                if (e.getError().getErrorCode() == SUBSCRIPTION_REFUSED) {
                    return SubscribeOutcome.REFUSED;
                }
                throw e;
            }
        });
    }

    private <T> Uni<T> call(String api, Callable<T> work) {
        return timed(
                api,
                Uni.createFrom()
                        .item(() -> {
                            try {
                                return work.call();
                            } catch (WxErrorException e) {
                                throw mapped(api, e.getError().getErrorCode());
                            } catch (RuntimeException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** Bounds a call in time, turns whatever is not one of our refusals into WX_UNAVAILABLE, and times it. */
    private <T> Uni<T> timed(String api, Uni<T> call) {
        Timer.Sample sample = Timer.start(metrics);
        return call.ifNoItem()
                .after(config.callTimeout())
                .failWith(WxUnavailable::new)
                .onFailure(e -> !(e instanceof io.jiasu.platform.ApiException))
                .transform(e -> {
                    LOG.warnf("WeChat %s failed: %s", api, e.getClass().getSimpleName());
                    return new WxUnavailable();
                })
                .onItemOrFailure()
                .invoke((item, failure) -> sample.stop(timer(api, outcome(failure))));
    }

    private static RuntimeException mapped(String api, int errcode) {
        return switch (errcode) {
            case 40029, 40163 -> new WxCodeInvalid();
            case 40226 -> new WxRiskUser();
            case FREQUENCY_LIMITED -> new WxRateLimited();
            default -> {
                LOG.warnf("WeChat %s answered errcode %d", api, errcode);
                yield new WxUnavailable();
            }
        };
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof WxCodeInvalid) {
            return "code_invalid";
        }
        if (failure instanceof WxRiskUser) {
            return "risk_user";
        }
        if (failure instanceof WxRateLimited) {
            return "rate_limited";
        }
        return "unavailable";
    }

    private Timer timer(String api, String outcome) {
        return Timer.builder("jiasu.wechat.calls")
                .description("Calls to the WeChat server API")
                .tag("api", api)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(metrics);
    }
}
