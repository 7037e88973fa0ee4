package io.jiasu.platform;

/** Rules for text people type: lengths in code points (an emoji is one), no control characters. */
public final class Text {
    private Text() {}

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    public static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }

    /** Null when the text is acceptable, else why not; the length is counted after trimming. */
    public static String problemWith(String text, int minLength, int maxLength) {
        return problemWith(text, minLength, maxLength, false);
    }

    /** The same, allowing control characters (line breaks) when {@code controlCharacters} is true. */
    static String problemWith(String text, int minLength, int maxLength, boolean controlCharacters) {
        if (text == null) {
            return "is required";
        }
        int length = length(text.strip());
        if (length < minLength || length > maxLength) {
            return minLength == 0
                    ? "must be at most " + maxLength + " characters"
                    : "must be " + minLength + " to " + maxLength + " characters";
        }
        if (!controlCharacters && hasControlCharacters(text)) {
            return "must not contain control characters";
        }
        return null;
    }
}
