package io.jiasu.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An answer's JSON, written once and handed to every request that shows the same thing (a snapshot's answer), so a
 * hit writes no JSON. Written by the app's own {@link ObjectMapper}: the bytes are what returning the record would send.
 */
public record PreparedJson(byte[] bytes) {
    public static PreparedJson of(ObjectMapper json, Object answer) {
        try {
            return new PreparedJson(json.writeValueAsBytes(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that cannot be written as JSON: " + answer.getClass(), e);
        }
    }
}
