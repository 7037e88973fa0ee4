package io.jiasu.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Open data as a mini-program receives it from {@code wx.getShareInfo} or {@code wx.getGroupEnterInfo}: WeChat's
 * JSON with a watermark, encrypted with AES-128-CBC and PKCS#7 padding under the session_key the stub last
 * issued to that user, with a random IV. Only the server, which holds the session_key, can read it.
 */
final class OpenData {
    /** {@code chat_type} of an ordinary WeChat group chat, the only kind a share card is opened in here. */
    private static final int GROUP_CHAT = 3;

    private final String appid;
    private final SessionKeys sessionKeys;
    private final SecureRandom random = new SecureRandom();

    OpenData(String appid, SessionKeys sessionKeys) {
        this.appid = appid;
        this.sessionKeys = sessionKeys;
    }

    /**
     * Encrypts what WeChat would give this user for a card of group {@code openGId}; {@code watermarkAppid}
     * and {@code watermarkTime} are what the watermark says (a test passes another app or an old time).
     *
     * @throws NoSuchElementException when the stub never issued a session_key to this openid
     */
    WechatStub.EncryptedData shareInfo(
            String openid, String openGId, WechatStub.ShareKind kind, String watermarkAppid, Instant watermarkTime) {
        byte[] sessionKey = sessionKeys
                .latest(openid)
                .orElseThrow(() -> new NoSuchElementException("no session_key was issued to this openid"));
        ObjectNode data = Json.object();
        if (kind == WechatStub.ShareKind.SHARE) {
            data.put("openGId", openGId);
        } else {
            data.put("opengid", openGId)
                    .put("open_single_roomid", "")
                    .put("group_openid", groupOpenid(openid, openGId))
                    .put("chat_type", GROUP_CHAT);
        }
        data.putObject("watermark")
                .put("timestamp", watermarkTime.getEpochSecond())
                .put("appid", watermarkAppid == null ? appid : watermarkAppid);
        return encrypt(sessionKey, data);
    }

    /** The user's id within that group, stable per app, group and user, as WeChat's {@code group_openid}. */
    private String groupOpenid(String openid, String openGId) {
        return "g" + HexFormat.of().formatHex(Fingerprint.of("group_openid", appid, openGId, openid), 0, 14);
    }

    private WechatStub.EncryptedData encrypt(byte[] sessionKey, ObjectNode data) {
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        try {
            // PKCS5Padding is PKCS#7 for AES's 16-byte blocks.
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sessionKey, "AES"), new IvParameterSpec(iv));
            byte[] encrypted = cipher.doFinal(Json.MAPPER.writeValueAsBytes(data));
            Base64.Encoder base64 = Base64.getEncoder();
            return new WechatStub.EncryptedData(base64.encodeToString(encrypted), base64.encodeToString(iv));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("AES-128-CBC is part of every JDK", e);
        }
    }
}
