package io.jiasu.rehearsal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bson.Document;

/** The few calls the rehearsal makes outside the crowd: create the campaign, and read answers for the audit. */
final class Api {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A 503 (a dependency slow for a moment on a loaded box) is tried again, as an operator would. */
    private static final int ATTEMPTS = 10;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;
    private final String adminToken;

    Api(String base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    Document admin(String method, String path, String body) {
        return send(method, path, body, adminToken);
    }

    Document get(String path) {
        return send("GET", path, null, null);
    }

    private Document send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int attempt = 1; response.statusCode() == 503 && attempt < ATTEMPTS; attempt++) {
                Thread.sleep(1000);
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Document.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
