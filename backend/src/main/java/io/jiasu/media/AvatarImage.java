package io.jiasu.media;

import io.jiasu.platform.ApiException;
import io.jiasu.platform.FieldError;
import io.jiasu.platform.ValidationFailed;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Turns an uploaded image into the avatar we serve, with the JDK's image I/O: the format is judged by the bytes, the
 * size is read from the header before a single pixel is decoded (a tiny file claiming 20000 × 20000 never gets
 * decoded), big images are decoded subsampled (memory stays near a 512-pixel image however large the upload), and
 * the result is re-encoded from pixels alone (EXIF, GPS, comments and profiles are gone) to fit a square. Images with
 * transparency stay PNG, everything else becomes JPEG. The same input always gives the same bytes.
 */
final class AvatarImage {
    private static final float JPEG_QUALITY = 0.88f;

    static {
        ImageIO.setUseCache(false);
    }

    /** The re-encoded image. */
    record Encoded(byte[] bytes, ImageFormat format, int width, int height) {}

    private AvatarImage() {}

    static Encoded normalize(byte[] upload, int maxDimension, int side) {
        ImageFormat format = ImageFormat.sniff(upload);
        if (format == null) {
            throw new UnsupportedImage();
        }
        try {
            BufferedImage decoded = decode(upload, format, maxDimension, side);
            boolean transparent = decoded.getColorModel().hasAlpha();
            double scale = Math.min(1.0, (double) side / Math.max(decoded.getWidth(), decoded.getHeight()));
            int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
            BufferedImage out = resize(
                    decoded, width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            ImageFormat outFormat = transparent ? ImageFormat.PNG : ImageFormat.JPEG;
            return new Encoded(encode(out, outFormat), outFormat, width, height);
        } catch (ApiException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // corrupt or truncated data makes image readers throw anything from IIOException to IndexOutOfBounds
            throw invalid("is not a decodable image");
        }
    }

    private static BufferedImage decode(byte[] upload, ImageFormat format, int maxDimension, int side)
            throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no " + format + " reader");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > maxDimension || height > maxDimension) {
                    throw invalid("is over " + maxDimension + " × " + maxDimension + " pixels");
                }
                // decode no more than about twice the target size; the final resize smooths the rest
                int step = Math.max(1, Math.max(width, height) / (2 * side));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Halves while more than twice too big (bilinear at each step keeps quality without a slow filter). */
    private static BufferedImage resize(BufferedImage source, int width, int height, int type) {
        BufferedImage current = source;
        do {
            int nextWidth = Math.max(width, current.getWidth() / 2);
            int nextHeight = Math.max(height, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(nextWidth, nextHeight, type);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (type == BufferedImage.TYPE_INT_RGB) {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, nextWidth, nextHeight);
                }
                g.drawImage(current, 0, 0, nextWidth, nextHeight, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (current.getWidth() != width || current.getHeight() != height);
        return current;
    }

    private static byte[] encode(BufferedImage image, ImageFormat format) throws IOException {
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(format.imageIoName).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ValidationFailed invalid(String problem) {
        return new ValidationFailed(List.of(new FieldError("file", problem)));
    }
}
