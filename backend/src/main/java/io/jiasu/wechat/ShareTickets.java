package io.jiasu.wechat;

import cn.binarywang.wx.miniapp.util.crypt.WxMaCryptUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Opens the share info a mini-program got from {@code wx.getShareInfo} or {@code wx.getGroupEnterInfo} for a card
 * opened in a group, with the user's session_key, and names the group only by an opaque id (a keyed hash of the
 * openGId, the same on every instance). Anything that does not decrypt, parse, carry our appid or is stale is no group:
 * the openGId never leaves this class, and nothing of the share info reaches a log line.
 */
@ApplicationScoped
public class ShareTickets {
    private static final Logger LOG = Logger.getLogger(ShareTickets.class);
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    private static final int GROUP_ID_BYTES = 12;

    private final WechatConfig config;
    private final ObjectMapper json;

    ShareTickets(WechatConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** The opaque id of the group this share info names, or empty when it does not open or check. */
    public Optional<String> group(String sessionKey, String encryptedData, String iv, Instant now) {
        if (sessionKey == null || encryptedData == null || iv == null) {
            return Optional.empty();
        }
        try {
            // decryptAnotherWay fails on a wrong key (padding check); WxMaCryptUtils.decrypt would return garbage
            JsonNode info = json.readTree(WxMaCryptUtils.decryptAnotherWay(sessionKey, encryptedData, iv));
            String openGId = info.hasNonNull("openGId")
                    ? info.get("openGId").asText()
                    : info.path("opengid").asText("");
            JsonNode watermark = info.path("watermark");
            Instant stamped = Instant.ofEpochSecond(watermark.path("timestamp").asLong(0));
            if (openGId.isEmpty()
                    || !config.appid().equals(watermark.path("appid").asText())
                    || stamped.isBefore(now.minus(config.shareInfoMaxAge()))
                    || stamped.isAfter(now.plus(CLOCK_SLACK))) {
                LOG.debug("share info refused: no group, another app's or stale");
                return Optional.empty();
            }
            return Optional.of(opaque(openGId));
        } catch (Exception e) {
            LOG.debugf("share info refused: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private String opaque(String openGId) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        byte[] key = config.groupKey().orElse(config.secret()).getBytes(StandardCharsets.UTF_8);
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] digest = mac.doFinal(openGId.getBytes(StandardCharsets.UTF_8));
        return "g" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, GROUP_ID_BYTES));
    }
}
