package io.jiasu.risk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a campaign does with a risky help. */
public enum Policy {
    /** The help counts like any other; its signals are kept for review. */
    @JsonProperty("count")
    COUNT,
    /** The help is recorded but adds nothing until an operator approves it. */
    @JsonProperty("hold")
    HOLD,
    /** The help is refused (403 FORBIDDEN) and nothing is recorded. */
    @JsonProperty("refuse")
    REFUSE;

    /** The stored and shown name. */
    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Policy ofWire(String wire) {
        return wire == null ? COUNT : valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
