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

    /** Null when the text is acceptable, else why not. */
    public static String problemWith(String text, int minLength, int maxLength) {
        if (text == null) {
            return "is required";
        }
        int length = length(text.strip());
        if (length < minLength || length > maxLength) {
            return "must be " + minLength + " to " + maxLength + " characters";
        }
        if (hasControlCharacters(text)) {
            return "must not contain control characters";
        }
        return null;
    }
}
