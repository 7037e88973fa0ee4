package io.jiasu.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * What an endpoint answers: JSON, a PNG, nothing, a problem, a dropped connection, one of these after a delay,
 * or one of these followed by more work.
 */
sealed interface StubResponse {

    record JsonBody(int status, JsonNode body) implements StubResponse {}

    record Png(byte[] bytes) implements StubResponse {}

    record Empty(int status) implements StubResponse {}

    /** An {@code application/problem+json} answer of the control endpoints, with a stable {@code code}. */
    record Problem(int status, String code, String detail) implements StubResponse {
        ObjectNode body() {
            return Json.object()
                    .put("type", "about:blank")
                    .put("title", code)
                    .put("status", status)
                    .put("code", code)
                    .put("detail", detail);
        }
    }

    /** No answer at all: the connection is closed, as when WeChat is unreachable. */
    record Hangup() implements StubResponse {}

    record Delayed(Duration delay, StubResponse response) implements StubResponse {}

    /** An answer, and work that must only start once it has been sent (an asynchronous check's push). */
    record Then(StubResponse response, Runnable afterwards) implements StubResponse {}

    static StubResponse ok(JsonNode body) {
        return new JsonBody(200, body);
    }

    /** WeChat's success answer with more fields to follow. */
    static ObjectNode okBody() {
        return Json.object().put("errcode", 0).put("errmsg", "ok");
    }
}
