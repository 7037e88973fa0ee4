package io.jiasu.platform;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every API path takes 16 KiB of body and the avatar upload a whole image, whether the client sends a Content-Length
 * or chunks: over the limit is always a 413 problem, logged in at most one short line, never with a stack.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class BodyLimitTest {
    private static final int OVER_16_KIB = 17 * 1024;

    @Test
    void aChunkedBodyOverSixteenKibIsAProblemWithoutAStack() throws IOException {
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = capture(logged);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (int i = 0; i < 3; i++) {
                String answer = chunked("/api/v1/session", "application/json", json(OVER_16_KIB));
                assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
                assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
                assertTrue(answer.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), answer);
            }
        } finally {
            root.removeHandler(capture);
        }
        synchronized (logged) {
            for (LogRecord record : logged) {
                assertFalse(record.getLevel().intValue() >= Level.SEVERE.intValue(), "logged: " + record.getMessage());
                assertEquals(null, record.getThrown(), "a stack was logged: " + record.getMessage());
            }
            assertTrue(logged.stream()
                            .filter(r -> r.getLevel().intValue() >= Level.INFO.intValue())
                            .count()
                    <= 3);
        }
    }

    @Test
    void aContentLengthOverSixteenKibIsAProblemOnEveryApiPath() {
        for (String path : List.of("/api/v1/session", "/api/v1/me", "/wechat/push")) {
            given().contentType("application/json")
                    .body(json(OVER_16_KIB))
                    .post(path)
                    .then()
                    .statusCode(413)
                    .contentType("application/problem+json")
                    .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        }
    }

    @Test
    void aSmallChunkedBodyStillReachesTheEndpoint() throws IOException {
        String answer = chunked(
                "/api/v1/session",
                "application/json",
                ("{\"code\":\"" + unique("chunky") + "\"}").getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        assertTrue(answer.contains("\"token\""), answer);
    }

    @Test
    void theAvatarPathTakesAnImageOverSixteenKibButNotOverItsOwnLimit() {
        byte[] noisy = io.jiasu.media.Images.noisyJpeg(600, 600, 11);
        assertTrue(noisy.length > 64 * 1024);
        given().auth()
                .oauth2(login(unique("bigbody")))
                .multiPart("file", "n.jpg", noisy, "image/jpeg")
                .post("/api/v1/me/avatar")
                .then()
                .statusCode(200)
                .body("avatarUrl", matchesPattern("/media/avatars/[0-9a-f]{64}\\.jpg"));

        given().auth()
                .oauth2(login(unique("hugebody")))
                .multiPart("file", "n.jpg", new byte[1100 * 1024], "image/jpeg")
                .post("/api/v1/me/avatar")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void aChunkedAvatarUploadIsCountedAgainstTheAvatarLimit() throws IOException {
        String token = login(unique("chunkedupload"));
        String boundary = "jiasu-test-boundary";
        byte[] image = io.jiasu.media.Images.noisyJpeg(200, 200, 12);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(image);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        String answer =
                chunked("/api/v1/me/avatar", "multipart/form-data; boundary=" + boundary, body.toByteArray(), token);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("/media/avatars/"), answer);

        String tooBig =
                chunked("/api/v1/me/avatar", "multipart/form-data; boundary=" + boundary, new byte[1100 * 1024], token);
        assertTrue(tooBig.startsWith("HTTP/1.1 413"), tooBig);
        assertTrue(tooBig.contains("\"code\":\"PAYLOAD_TOO_LARGE\""), tooBig);
    }

    private static byte[] json(int size) {
        return ("{\"code\":\"" + "a".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String chunked(String path, String contentType, byte[] body) throws IOException {
        return chunked(path, contentType, body, null);
    }

    /**
     * Sends the body in 4 KiB chunks with no Content-Length over a raw connection, from another thread so the answer
     * is read as soon as it comes (a 413 may arrive, and the connection close, before the whole body is sent).
     */
    private static String chunked(String path, String contentType, byte[] body, String token) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder()
                    .append("POST ")
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ")
                    .append(contentType)
                    .append("\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(start);
                    for (int from = 0; from < body.length; from += 4096) {
                        int length = Math.min(4096, body.length - from);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, from, length);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedEarly) {
                    // the server answered and closed before the whole body was sent
                }
            });
            writer.start();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    answer.write(buffer, 0, read);
                }
            } catch (IOException reset) {
                // a close with unread body bytes resets the connection; what arrived before it is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static Handler capture(List<LogRecord> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
