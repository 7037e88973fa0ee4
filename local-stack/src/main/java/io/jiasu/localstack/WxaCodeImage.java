package io.jiasu.localstack;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws a look-alike of a mini-program code: a ring of rays whose lengths come from the scene and page,
 * with the scene printed underneath for people and stored in a PNG {@code tEXt} chunk named {@code scene}
 * for tests that want to read it back.
 */
final class WxaCodeImage {
    private static final int RAYS = 48;
    private static final String PNG_METADATA = "javax_imageio_png_1.0";

    private WxaCodeImage() {}

    static byte[] render(String scene, String page, int width, Color color, boolean transparent) {
        int caption = width / 8;
        BufferedImage image = new BufferedImage(
                width, width + caption, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!transparent) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.setColor(color);
            drawRays(g, Fingerprint.of("wxacode", scene, page), width);
            drawCaption(g, scene, width, caption);
        } finally {
            g.dispose();
        }
        return png(image, scene);
    }

    private static void drawRays(Graphics2D g, byte[] pattern, int width) {
        double centre = width / 2.0;
        double inner = width * 0.22;
        double span = width * 0.24;
        g.setStroke(new BasicStroke(width / 60f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int ray = 0; ray < RAYS; ray++) {
            double angle = 2 * Math.PI * ray / RAYS;
            double length = span * (0.25 + 0.75 * (pattern[ray % pattern.length] & 0xff) / 255.0);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            g.drawLine(
                    (int) (centre + inner * cos),
                    (int) (centre + inner * sin),
                    (int) (centre + (inner + length) * cos),
                    (int) (centre + (inner + length) * sin));
        }
        int logo = (int) (inner * 1.4);
        g.fillOval((int) (centre - logo / 2.0), (int) (centre - logo / 2.0), logo, logo);
    }

    private static void drawCaption(Graphics2D g, String scene, int width, int caption) {
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, Math.max(10, width / 24)));
        FontMetrics metrics = g.getFontMetrics();
        int x = Math.max(0, (width - metrics.stringWidth(scene)) / 2);
        g.drawString(scene, x, width + (caption + metrics.getAscent()) / 2 - metrics.getDescent());
    }

    private static byte[] png(BufferedImage image, String scene) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            IIOMetadata metadata =
                    writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
            entry.setAttribute("keyword", "scene");
            entry.setAttribute("value", scene);
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
            root.appendChild(text);
            metadata.mergeTree(PNG_METADATA, root);
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding to memory failed", e);
        } finally {
            writer.dispose();
        }
    }
}
