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
}
