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
        Color color = new Color(line.path("r").asInt(0), line.path("g").asInt(0), line.path("b").asInt(0));
        boolean transparent = body.path("is_hyaline").asBoolean(false);
        return new StubResponse.Png(WxaCodeImage.render(scene, page, width, color, transparent));
    }
}
