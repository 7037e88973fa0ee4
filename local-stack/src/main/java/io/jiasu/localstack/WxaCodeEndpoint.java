package io.jiasu.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.regex.Pattern;

/**
 * {@code POST /wxa/getwxacodeunlimit}: a PNG mini-program code for a scene and page, checked like WeChat
 * (scene of 1-32 characters from WeChat's allowed set, else 40169; a page without a leading slash, else 41030;
 * width clamped to 280-1280).
 */
final class WxaCodeEndpoint {
    private static final Pattern SCENE = Pattern.compile("[0-9A-Za-z!#$&'()*+,/:;=?@\\-._~]{1,32}");
    private static final int MIN_WIDTH = 280;
    private static final int MAX_WIDTH = 1280;
    private static final int DEFAULT_WIDTH = 430;

    StubResponse create(StubRequest request) {
        String scene = request.field("scene");
        if (scene == null || !SCENE.matcher(scene).matches()) {
            return WechatError.INVALID_SCENE.response();
        }
        String page = request.field("page");
        if (page == null || page.isBlank() || page.startsWith("/")) {
            return WechatError.INVALID_PAGE.response();
        }
        JsonNode body = request.body();
        int width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, body.path("width").asInt(DEFAULT_WIDTH)));
        JsonNode line = body.path("line_color");
        Color color = new Color(channel(line, "r"), channel(line, "g"), channel(line, "b"));
        boolean transparent = body.path("is_hyaline").asBoolean(false);
        return new StubResponse.Png(WxaCodeImage.render(scene, page, width, color, transparent));
    }

    /** WxJava sends colour channels as strings ({@code "r": "0"}); WeChat accepts numbers too. */
    private static int channel(JsonNode lineColor, String name) {
        return Math.max(0, Math.min(255, lineColor.path(name).asInt(0)));
    }
}
