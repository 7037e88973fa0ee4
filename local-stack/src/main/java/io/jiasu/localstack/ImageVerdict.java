package io.jiasu.localstack;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The stub's image moderation, in the spirit of the risky word: an image whose mean colour lies within 64 of
 * the risky colour (Euclidean distance over 0-255 RGB channels, alpha ignored) is {@code risky}, within 128
 * {@code review}, else {@code pass}. A mean colour survives what a server does to an upload (scaling down to
 * 256 × 256, JPEG or PNG re-encoding), so a test can upload a red square and expect its verdict back.
 */
record ImageVerdict(String suggest, int label, int prob) {
    static final int RISKY_DISTANCE = 64;
    static final int REVIEW_DISTANCE = 128;
    // WeChat's labels: 100 normal, 20002 pornography.
    private static final int PASS_LABEL = 100;
    private static final int RISKY_LABEL = 20002;

    static ImageVerdict pass() {
        return new ImageVerdict("pass", PASS_LABEL, 90);
    }

    static ImageVerdict of(BufferedImage image, Color risky) {
        double distance = distance(meanColour(image), risky);
        if (distance <= RISKY_DISTANCE) {
            return new ImageVerdict("risky", RISKY_LABEL, 90);
        }
        return distance <= REVIEW_DISTANCE ? new ImageVerdict("review", RISKY_LABEL, 60) : pass();
    }

    static Color meanColour(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        long red = 0;
        long green = 0;
        long blue = 0;
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                red += (argb >> 16) & 0xff;
                green += (argb >> 8) & 0xff;
                blue += argb & 0xff;
            }
        }
        long pixels = (long) width * height;
        return new Color((int) Math.round((double) red / pixels), (int) Math.round((double) green / pixels), (int)
                Math.round((double) blue / pixels));
    }

    private static double distance(Color a, Color b) {
        int red = a.getRed() - b.getRed();
        int green = a.getGreen() - b.getGreen();
        int blue = a.getBlue() - b.getBlue();
        return Math.sqrt(red * red + green * green + blue * blue);
    }
}
