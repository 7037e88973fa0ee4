package io.jiasu.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /cgi-bin/message/subscribe/send}: accepts a subscribe message and records it. Like WeChat it
 * checks each keyword's value against its type's length limit ({@code thing} at most 20 characters...),
 * because a too-long campaign title is exactly what fails in production. Recipients whose openid starts
 * with {@code nosub} have not subscribed (43101).
 */
final class SubscribeMessageEndpoint {
    private static final Pattern KEYWORD = Pattern.compile("([a-z_]+)\\d+");
    /** Maximum value length in characters per keyword type, from WeChat's subscribe message rules. */
    private static final Map<String, Integer> MAX_LENGTH = Map.of(
            "thing",
            20,
            "number",
            32,
            "letter",
            32,
            "symbol",
            5,
            "character_string",
            32,
            "phone_number",
            17,
            "car_number",
            8,
            "name",
            10,
            "phrase",
            5);

    private final StubJournal journal;
    private final AtomicLong msgIds = new AtomicLong(2_000_000_000L);

    SubscribeMessageEndpoint(StubJournal journal) {
        this.journal = journal;
    }

    StubResponse send(StubRequest request) {
        String touser = request.field("touser");
        String templateId = request.field("template_id");
        if (touser == null || touser.isBlank()) {
            return WechatError.INVALID_OPENID.response();
        }
        if (templateId == null || templateId.isBlank()) {
            return WechatError.INVALID_TEMPLATE_ID.response();
        }
        JsonNode data = request.body().path("data");
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> keyword : data.properties()) {
            String value = Json.text(keyword.getValue(), "value");
            if (value == null || tooLong(keyword.getKey(), value)) {
                return WechatError.ARGUMENT_INVALID.response(
                        "argument invalid! data." + keyword.getKey() + ".value invalid");
            }
            values.put(keyword.getKey(), value);
        }
        if (touser.startsWith("nosub")) {
            return WechatError.USER_REFUSED.response();
        }
        journal.sent(new SentMessage(touser, templateId, request.field("page"), values));
        return StubResponse.ok(
                Json.object().put("errcode", 0).put("errmsg", "ok").put("msgid", msgIds.incrementAndGet()));
    }

    private static boolean tooLong(String keyword, String value) {
        Matcher type = KEYWORD.matcher(keyword);
        Integer max = type.matches() ? MAX_LENGTH.get(type.group(1)) : null;
        return max != null && value.codePointCount(0, value.length()) > max;
    }
}
