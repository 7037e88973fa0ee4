package io.jiasu.localstack;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Delays as options and the control endpoint write them: {@code 100ms}, {@code 5s}, {@code 2m}, {@code 0}, {@code PT5S}. */
final class Durations {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private Durations() {}

    /** A bare number is milliseconds; negative or malformed values are an {@link IllegalArgumentException}. */
    static Duration parse(String text) {
        String trimmed = text.trim();
        Matcher matcher = WITH_UNIT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2);
            if ("s".equals(unit)) {
                return Duration.ofSeconds(amount);
            }
            return "m".equals(unit) ? Duration.ofMinutes(amount) : Duration.ofMillis(amount);
        }
        try {
            Duration iso = Duration.parse(trimmed);
            if (iso.isNegative()) {
                throw new IllegalArgumentException("a delay cannot be negative: " + text);
            }
            return iso;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a delay: " + text + " (write 100ms, 5s, 2m or 0)", e);
        }
    }

    static String format(Duration duration) {
        return duration.toMillis() + "ms";
    }
}
