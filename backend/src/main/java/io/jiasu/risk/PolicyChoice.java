package io.jiasu.risk;

import jakarta.validation.constraints.NotNull;

/** GET and PUT .../risk-policy: the campaign's policy for risky helps, {@code count}, {@code hold} or {@code refuse}. */
public record PolicyChoice(
        @NotNull(message = "must be count, hold or refuse") Policy policy) {}
