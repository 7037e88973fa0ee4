package io.jiasu.rehearsal;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One endpoint of {@code load-test/bench} at a fixed arrival rate (the open model: a slow answer does not slow the
 * arrivals, so queueing shows in the latency). Each virtual user sends one request over the shared connection pool.
 * Its knobs come from the environment bench sets: BENCH_API, BENCH_KIND ({@code landing}, {@code me} or {@code
 * login}), BENCH_RATE (requests/s), BENCH_SECONDS, USERS_FILE and CAMPAIGN (what prepare.mjs wrote), BENCH_OUT (the
 * {@code key=value} result, as report.lua writes it for wrk).
 */
public class Endpoint extends Simulation {
    private static final int MAX_MS = 60_000;

    private final String kind = env("BENCH_KIND");
    private final int rate = Integer.parseInt(env("BENCH_RATE"));
    private final int seconds = Integer.parseInt(env("BENCH_SECONDS"));
    private final String campaign = env("CAMPAIGN");
    private final List<String[]> users = users(Path.of(env("USERS_FILE")));
    /** Answers per millisecond of latency (the last bucket: MAX_MS and more). */
    private final AtomicLongArray latencies = new AtomicLongArray(MAX_MS + 1);

    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong non2xx = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private final HttpProtocolBuilder protocol =
            http.baseUrl(env("BENCH_API")).acceptHeader("application/json").shareConnections();

    {
        ScenarioBuilder one = scenario(kind)
                .exec(this::pickUser)
                .exec(request()
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("ms")))
                .exec(this::record);
        setUp(one.injectOpen(constantUsersPerSec(rate).during(seconds))).protocols(protocol);
    }

    private HttpRequestActionBuilder request() {
        return switch (kind) {
            case "landing" ->
                http(kind)
                        .get("/api/v1/campaigns/" + campaign + "/players/#{code}")
                        .header("Authorization", "Bearer #{token}");
            case "me" ->
                http(kind)
                        .get("/api/v1/campaigns/" + campaign + "/players/me")
                        .header("Authorization", "Bearer #{token}");
            case "login" ->
                http(kind)
                        .post("/api/v1/session")
                        .header("Content-Type", "application/json")
                        .body(StringBody("{\"code\":\"" + campaign + "-u#{user}\"}"));
            default -> throw new IllegalArgumentException("BENCH_KIND must be landing, me or login, not " + kind);
        };
    }

    private Session pickUser(Session session) {
        int i = ThreadLocalRandom.current().nextInt(users.size());
        String[] user = users.get(i);
        return session.set("user", i).set("token", user[0]).set("code", user[1]);
    }

    private Session record(Session session) {
        if (!session.contains("status")) {
            failed.incrementAndGet();
            return session;
        }
        answered.incrementAndGet();
        int status = session.getInt("status");
        if (status < 200 || status > 299) {
            non2xx.incrementAndGet();
        }
        latencies.incrementAndGet(Math.min(MAX_MS, session.getInt("ms")));
        return session;
    }

    @Override
    public void after() {
        long n = answered.get();
        StringBuilder out = new StringBuilder()
                .append("requests=")
                .append(n)
                .append("\nsocket_errors=")
                .append(failed.get())
                .append("\nnon_2xx=")
                .append(non2xx.get())
                .append(String.format(Locale.ROOT, "\nduration_s=%d.000\n", seconds));
        for (double p : new double[] {50, 90, 99, 99.9}) {
            out.append(
                    String.format(Locale.ROOT, "p%s_ms=%d.00%n", p == 99.9 ? "99.9" : (int) p + "", percentile(n, p)));
        }
        try {
            Files.writeString(Path.of(env("BENCH_OUT")), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest latency in ms at or under which {@code p} percent of the answers came. */
    private long percentile(long n, double p) {
        long wanted = (long) Math.ceil(n * p / 100.0);
        long seen = 0;
        for (int ms = 0; ms <= MAX_MS; ms++) {
            seen += latencies.get(ms);
            if (seen >= wanted && wanted > 0) {
                return ms;
            }
        }
        return 0;
    }

    private static List<String[]> users(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(" "))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
