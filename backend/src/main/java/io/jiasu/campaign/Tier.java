package io.jiasu.campaign;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One step of the published schedule: the next {@code helpers} helps add {@code amount} each; null helpers is open-ended. */
public record Tier(
        Integer helpers,

        @NotNull(message = AT_LEAST_ONE) @Min(value = 1, message = AT_LEAST_ONE)
        Integer amount) {
    private static final String AT_LEAST_ONE = "must be at least 1";

    /** Whether the tier adds something and covers its helps: at least one, or every later help when it is the last. */
    boolean wellFormed(boolean last) {
        return amount != null && amount >= 1 && coversHelps(last);
    }

    /** Only the last tier is open-ended (helpers null); every other covers at least one help. */
    boolean coversHelps(boolean last) {
        return last ? helpers == null : helpers != null && helpers >= 1;
    }
}
