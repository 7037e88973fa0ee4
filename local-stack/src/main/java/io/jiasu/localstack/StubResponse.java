package io.jiasu.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** What an endpoint answers: JSON, a PNG, nothing, or one of these after a delay. */
sealed interface StubResponse {

    record JsonBody(int status, JsonNode body) implements StubResponse {}

    record Png(byte[] bytes) implements StubResponse {}

    record Empty(int status) implements StubResponse {}

    record Delayed(Duration delay, StubResponse response) implements StubResponse {}

    static StubResponse ok(JsonNode body) {
        return new JsonBody(200, body);
    }
}
