package io.jiasu.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * The app's side of the media check in small: serves images under {@code /media/} and takes WeChat's pushes at
 * {@code /wechat/push}, recording each push's query and body and answering with a status the test chooses.
 */
final class LocalReceiver implements AutoCloseable {
    /** One push as the receiver got it. */
    record Received(Map<String, String> query, String contentType, String body) {}

    private final HttpServer server;
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final List<Received> pushes = new CopyOnWriteArrayList<>();
    private volatile int pushStatus = 200;

    LocalReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/media/", this::serveMedia);
        server.createContext("/wechat/push", this::takePush);
        server.start();
    }

    String pushUrl() {
        return base() + "/wechat/push";
    }

    /** Serves the bytes at {@code /media/<name>} and returns their URL. */
    String serve(String name, byte[] bytes) {
        media.put("/media/" + name, bytes);
        return base() + "/media/" + name;
    }

    String missing(String name) {
        return base() + "/media/" + name;
    }

    List<Received> pushes() {
        return List.copyOf(pushes);
    }

    /** Forgets the pushes received so far and answers the next ones with 200 again. */
    void clear() {
        pushes.clear();
        pushStatus = 200;
    }

    void answerPushesWith(int status) {
        pushStatus = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A square of one colour, encoded as {@code png} or {@code jpg}. */
    static byte[] square(Color colour, int size, String format) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(colour);
        graphics.fillRect(0, 0, size, size);
        graphics.dispose();
        return encode(image, format);
    }

    /** What the app does to an upload: decoded, scaled down to at most 256 × 256, re-encoded. */
    static byte[] reencoded(byte[] upload, String format) throws IOException {
        BufferedImage original = ImageIO.read(new java.io.ByteArrayInputStream(upload));
        int side = Math.min(256, Math.max(original.getWidth(), original.getHeight()));
        BufferedImage scaled = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.drawImage(original, 0, 0, side, side, null);
        graphics.dispose();
        return encode(scaled, format);
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serveMedia(HttpExchange exchange) throws IOException {
        byte[] bytes = media.get(exchange.getRequestURI().getPath());
        if (bytes == null) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private void takePush(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        pushes.add(new Received(
                query(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        byte[] answer = "success".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(pushStatus, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
