package io.jiasu.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Test images made on the spot: plain and noisy JPEGs, transparent PNGs, one with EXIF/GPS, a bomb, a GIF. */
public final class Images {
    static final String GPS_MARKER = "GPSLatitude=31.2304N;GPSLongitude=121.4737E";

    private Images() {}

    /** An opaque image of one colour, as JPEG. */
    public static byte[] jpeg(int width, int height, Color colour) {
        return encode(filled(width, height, colour, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    /** An opaque image of random pixels (hard to compress), as JPEG; {@code seed} makes each distinct. */
    public static byte[] noisyJpeg(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encode(image, "jpeg");
    }

    /** A half-transparent image of one colour, as PNG. */
    static byte[] transparentPng(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 128));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return encode(image, "png");
    }

    static byte[] opaquePng(int width, int height, Color colour) {
        return encode(filled(width, height, colour, BufferedImage.TYPE_INT_RGB), "png");
    }

    static byte[] gif(int width, int height) {
        return encode(filled(width, height, Color.BLUE, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /** A JPEG carrying an EXIF segment (APP1) with GPS text in it, right after the start-of-image marker. */
    static byte[] jpegWithExif(int width, int height) {
        byte[] plain = jpeg(width, height, Color.ORANGE);
        byte[] tiff = ("Exif\0\0MM\0*\0\0\0\10" + GPS_MARKER).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(plain.length + 4 + tiff.length);
        out.put(plain, 0, 2);
        out.put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) (tiff.length + 2))
                .put(tiff);
        out.put(plain, 2, plain.length - 2);
        return out.array();
    }

    /** A tiny PNG whose header claims {@code side} × {@code side} pixels: decoding it would need gigabytes. */
    static byte[] pngBomb(int side) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(side).putInt(side);
        header.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static BufferedImage filled(int width, int height, Color colour, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
