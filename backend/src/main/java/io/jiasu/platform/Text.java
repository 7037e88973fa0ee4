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
        if (minLength > 0 && text.codePoints().noneMatch(Text::visible)) {
            return "must contain a visible character";
        }
        return null;
    }

    /**
     * Whether a code point shows as something: not a space or a format character (zero-width space and joiners,
     * U+FEFF, direction marks), and not one of the blank letters used as invisible names (Hangul fillers, the blank
     * Braille pattern).
     */
    static boolean visible(int codePoint) {
        if (Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.NON_SPACING_MARK) {
            return false;
        }
        return switch (codePoint) {
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E -> false;
            default -> true;
        };
    }
}
