package io.jiasu.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One request to the stub: its query parameters and, for POST, its JSON body (an empty object when none). */
record StubRequest(Map<String, String> query, JsonNode body) {

    String param(String name) {
        return query.get(name);
    }

    String field(String name) {
        return Json.text(body, name);
    }

    /**
     * WeChat's checks of a call about a user in a scene: null when the body has an {@code openid} and a
     * {@code scene} matching {@code scenes} (a regular expression), else 40003 or 47003.
     */
    StubResponse userAndSceneError(String scenes) {
        String openid = field("openid");
        if (openid == null || openid.isBlank()) {
            return WechatError.INVALID_OPENID.response();
        }
        String scene = field("scene");
        if (scene == null || !scene.matches(scenes)) {
            return WechatError.ARGUMENT_INVALID.response("argument invalid! scene invalid");
        }
        return null;
    }
}
