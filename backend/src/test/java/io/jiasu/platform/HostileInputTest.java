package io.jiasu.platform;

import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests built to break the parser: each is a 4xx problem+json with a stable code, never a 500. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class HostileInputTest {

    @Test
    void aDuplicateKeyInTheLoginBodyIsABadRequest() {
        problem(
                given().contentType(ContentType.JSON)
                        .body("{\"code\":\"" + unique("a") + "\",\"code\":\"" + unique("b") + "\"}")
                        .post("/api/v1/session")
                        .then(),
                400,
                "BAD_REQUEST");
    }

    @Test
    void aNumberWhereTheCodeIsTextIsNotCoerced() {
        problem(
                given().contentType(ContentType.JSON)
                        .body("{\"code\":123}")
                        .post("/api/v1/session")
                        .then(),
                400,
                "BAD_REQUEST");
        problem(
                given().contentType(ContentType.JSON)
                        .body("{\"code\":true}")
                        .post("/api/v1/session")
                        .then(),
                400,
                "BAD_REQUEST");
    }

    @Test
    void aPlainTextLoginBodyIsAnUnsupportedMediaType() {
        problem(
                given().contentType(ContentType.TEXT)
                        .body("{\"code\":\"" + unique("c") + "\"}")
                        .post("/api/v1/session")
                        .then(),
                415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aNulByteOrABrokenEscapeInAPathSegmentIsAProblemNotA500() throws IOException {
        for (String segment : new String[] {"%00", "a%00b", "%ZZ", "%", "%E4%B8"}) {
            for (String path : new String[] {
                "/api/v1/campaigns/" + segment,
                "/api/v1/campaigns/" + segment + "/leaderboard",
                "/api/v1/campaigns/c/players/" + segment,
                "/api/v1/" + segment
            }) {
                String head = rawGet(path);
                if (!head.matches("(?s)HTTP/1\\.1 4\\d\\d .*") || !head.contains("application/problem+json")) {
                    throw new AssertionError(path + " answered " + head);
                }
            }
        }
    }

    /** The status line and headers of a GET sent byte for byte, since no HTTP client will send a broken escape. */
    private static String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        }
    }

    private static void problem(ValidatableResponse answer, int status, String code) {
        answer.statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }
}
