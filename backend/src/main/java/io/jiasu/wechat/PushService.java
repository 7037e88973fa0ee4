package io.jiasu.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMediaAsyncCheckResult;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import io.jiasu.platform.ApiException;
import io.jiasu.platform.Forbidden;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

/**
 * WeChat's message push (plain-text mode, JSON): every request must carry the signature of the configured push
 * token; a media-check verdict is handed on as a {@link MediaVerdict} event and applied before WeChat gets its
 * "success", so a failure makes WeChat push again. Other events are acknowledged and ignored.
 */
@ApplicationScoped
class PushService {
    private static final Logger LOG = Logger.getLogger(PushService.class);
    private static final String MEDIA_CHECK = "wxa_media_check";
    private static final String RISKY = "risky";

    private final WxMaService wx;
    private final WechatConfig config;
    private final Event<MediaVerdict> verdicts;

    PushService(WxMaService wx, WechatConfig config, Event<MediaVerdict> verdicts) {
        this.wx = wx;
        this.config = config;
        this.verdicts = verdicts;
    }

    /** Refuses (403, nothing read further) a request not signed with our push token, or any when none is set. */
    void requireSigned(String timestamp, String nonce, String signature) {
        boolean signed = config.pushToken().isPresent()
                && timestamp != null
                && nonce != null
                && signature != null
                && wx.checkSignature(timestamp, nonce, signature);
        if (!signed) {
            LOG.debug("message push with a bad signature refused");
            throw new Forbidden("The signature does not match.");
        }
    }

    Uni<Void> receive(String body) {
        WxMaMessage message;
        try {
            message = WxMaMessage.fromJson(body);
        } catch (RuntimeException e) {
            throw new ApiException(400, "BAD_REQUEST", "Bad request", "The body is not a WeChat push message.");
        }
        if (message == null || !MEDIA_CHECK.equals(message.getEvent())) {
            return Uni.createFrom().voidItem();
        }
        if (message.getAppid() != null && !message.getAppid().equals(config.appid())) {
            LOG.warn("media check verdict for another appid ignored");
            return Uni.createFrom().voidItem();
        }
        MediaVerdict verdict = verdict(message);
        if (verdict.traceId() == null) {
            LOG.warn("media check verdict without a trace id ignored");
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom()
                .completionStage(() -> verdicts.fireAsync(verdict))
                .replaceWithVoid();
    }

    /**
     * Version 2 carries {@code result.suggest}, version 1 only {@code isrisky}; neither means WeChat could not judge
     * (e.g. it could not download the image, errcode -1008), recorded as {@code error}, which refuses nothing.
     */
    private static MediaVerdict verdict(WxMaMessage message) {
        WxMaMediaAsyncCheckResult.ResultBean result = message.getResult();
        String suggest;
        if (result != null && result.getSuggest() != null) {
            suggest = result.getSuggest();
        } else if (message.getIsRisky() != null) {
            suggest = "1".equals(message.getIsRisky()) ? RISKY : "pass";
        } else {
            suggest = "error";
        }
        String label = result == null ? null : result.getLabel();
        return new MediaVerdict(message.getTraceId(), suggest, label, RISKY.equals(suggest));
    }
}
