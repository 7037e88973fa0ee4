package io.jiasu.localstack;

import java.util.Map;

/**
 * A subscribe message the stub accepted. {@code data} maps each template keyword to its value
 * ({@code "thing1" -> "加速奔向2019"}), flattened from WeChat's {@code {"thing1": {"value": ...}}}.
 */
public record SentMessage(String touser, String templateId, String page, Map<String, String> data) {
    public SentMessage {
        data = Map.copyOf(data);
    }
}
