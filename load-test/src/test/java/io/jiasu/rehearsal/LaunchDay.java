package io.jiasu.rehearsal;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launch-day rehearsal: a viral crowd through the real nginx edge. Seed players join and share; each share puts
 * the card in front of {@code branching} friends; a friend opens the landing page, helps (retrying with the same
 * Idempotency-Key, as the mini-program does), and a fraction join and share in turn; players read their page and the
 * leaderboard. Both crowds step from idle to their full rate at the campaign's start, the 9:00 of launch day. It ends
 * with {@link Audit} holding the server's record to what the clients saw.
 */
public class LaunchDay extends Simulation {
    private static final int HELP_TRIES = 8;
    private static final Duration HELP_GIVES_UP_AFTER = Duration.ofSeconds(60);
    private static final int LOGIN_TRIES = 3;
    private static final Pattern STRING_FIELD = Pattern.compile("\"(token|shareCode|code)\"\\s*:\\s*\"([^\"]*)\"");

    private final Params params = Params.fromSystem();
    private final SharePool pool = new SharePool(params.branching());
    private final Ledger ledger = new Ledger();
    private final AtomicLong users = new AtomicLong();
    private Instant loadStart;

    private final HttpProtocolBuilder protocol = http.baseUrl(params.edge())
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.50 rehearsal")
            // each user comes from its own address behind the trusted load balancer, as real phones do
            .header("X-Forwarded-For", "#{address}")
            .header("X-WX-Scene", "#{scene}");

    {
        ScenarioBuilder seeds = scenario("seed players")
                .exec(s -> newUser(s, "s", 1089))
                .exec(login())
                .exitHereIf(s -> !s.contains("token"))
                .exec(authed("campaign", http("campaign").get("/api/v1/campaigns/#{cid}")))
                .exec(joinAndShare("{}"));

        ScenarioBuilder friends = scenario("friends")
                .exec(s -> newUser(s, "f", 1044).set("waits", 0))
                .exec(login())
                .exitHereIf(s -> !s.contains("token"))
                .exec(authed("campaign", http("campaign").get("/api/v1/campaigns/#{cid}")))
                .exec(this::openCard)
                // a friend arriving before any card is out waits a little for one, then only looks around
                .asLongAs(s -> !s.contains("target") && s.getInt("waits") < 20)
                .on(pause(Duration.ofMillis(250)).exec(s -> openCard(s).set("waits", s.getInt("waits") + 1)))
                .doIfOrElse(s -> s.contains("target"))
                .then(authed("landing", http("landing").get("/api/v1/campaigns/#{cid}/players/#{target}"))
                        .exec(help())
                        .doIf(s -> ThreadLocalRandom.current().nextDouble() < params.joinFraction())
                        .then(joinAndShare("{\"via\": \"#{target}\", \"scene\": 1044}")))
                .orElse(board());

        long leadSeconds = params.lead().toSeconds();
        long seconds = params.duration().toSeconds();
        setUp(
                        seeds.injectOpen(
                                nothingFor(params.lead()),
                                constantUsersPerSec(params.seedRate()).during(seconds)),
                        friends.injectOpen(
                                nothingFor(params.lead()),
                                constantUsersPerSec(params.friendRate()).during(seconds)))
                .protocols(protocol)
                // every loop below is bounded; this only stops a run that something outside froze
                .maxDuration(Duration.ofSeconds(leadSeconds + seconds + 180));
    }

    @Override
    public void before() {
        loadStart = Instant.now().plus(params.lead());
        Api api = new Api(params.api(), params.adminToken());
        Instant start = loadStart;
        api.admin(
                "PUT",
                "/api/v1/admin/campaigns/" + params.campaignId(),
                "{\"title\": \"Launch-day rehearsal\", \"description\": \"load-test/rehearsal\", \"published\": true,"
                        + " \"startsAt\": \"" + start + "\", \"endsAt\": \"" + start.plus(Duration.ofDays(1))
                        + "\", \"claimDeadline\": \"" + start.plus(Duration.ofDays(2)) + "\", \"goal\": "
                        + Params.GOAL + ", \"prizeTotal\": " + params.prizes() + ", \"schedule\": "
                        + Params.SCHEDULE + ", \"dailyHelpLimit\": 5}");
        try {
            Files.createDirectories(params.out());
            // the fault runner times its injection from this line
            Files.writeString(params.out().resolve("load-start"), loadStart.getEpochSecond() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void after() {
        double seconds = Math.max(1, Duration.between(loadStart, Instant.now()).toMillis() / 1000.0);
        ledger.write(params.out(), seconds);
        Audit.Result result = new Audit(params, ledger).run();
        result.write(params.out().resolve("audit.txt"));
        System.out.println(result.summary());
    }

    private Session newUser(Session session, String kind, int scene) {
        long n = users.incrementAndGet();
        return session.set("cid", params.campaignId())
                .set("code", params.campaignId() + "-" + kind + n)
                .set("address", "100." + (64 + (n >> 16) % 64) + "." + ((n >> 8) & 255) + "." + (n & 255))
                .set("scene", scene);
    }

    private Session openCard(Session session) {
        return pool.open().map(code -> session.set("target", code)).orElse(session);
    }

    /** wx.login and our session; a failed login is tried again a few times, as a user taps again. */
    private ChainBuilder login() {
        return exec(s -> s.remove("token").set("loginTries", 0))
                .asLongAs(s -> !s.contains("token") && s.getInt("loginTries") < LOGIN_TRIES)
                .on(call("login", http("login").post("/api/v1/session").body(StringBody("{\"code\": \"#{code}\"}")))
                        .exec(s -> {
                            Session next = s.set("loginTries", s.getInt("loginTries") + 1);
                            String token = statusOf(s) == 201 ? field(s, "token") : null;
                            return token == null ? next : next.set("token", token);
                        })
                        .doIf(s -> !s.contains("token"))
                        .then(pause(Duration.ofSeconds(1))));
    }

    /** A request with the user's token; an expired or lost session (401) logs in again and tries once more. */
    private ChainBuilder authed(String name, HttpRequestActionBuilder request) {
        HttpRequestActionBuilder withToken = request.header("Authorization", "Bearer #{token}");
        return call(name, withToken)
                .doIf(s -> statusOf(s) == 401)
                .then(login().doIf(s -> s.contains("token")).then(call(name, withToken)));
    }

    /** Sends a request and writes its answer (status, time) into the ledger; 5xx and no answer are Gatling errors. */
    private ChainBuilder call(String name, HttpRequestActionBuilder request) {
        return exec(s -> s.remove("status").remove("body").remove("retryAfter").set("sentAt", System.nanoTime()))
                .exec(request.check(
                        status().saveAs("status"),
                        bodyString().saveAs("body"),
                        header("Retry-After").optional().saveAs("retryAfter"),
                        status().lt(500)))
                .exec(s -> {
                    ledger.answered(name, statusOf(s), (System.nanoTime() - s.getLong("sentAt")) / 1_000_000);
                    return s;
                });
    }

    /** Join (idempotent, so simply tried again), share the card, then come back to read the page and the board. */
    private ChainBuilder joinAndShare(String body) {
        HttpRequestActionBuilder join =
                http("join").post("/api/v1/campaigns/#{cid}/players").body(StringBody(body));
        return exec(s -> s.remove("shareCode").set("joinTries", 0))
                .asLongAs(s -> !s.contains("shareCode") && s.getInt("joinTries") < LOGIN_TRIES)
                .on(authed("join", join).exec(s -> {
                    Session next = s.set("joinTries", s.getInt("joinTries") + 1);
                    int status = statusOf(s);
                    String shareCode = status == 201 || status == 200 ? field(s, "shareCode") : null;
                    if (shareCode == null) {
                        return next;
                    }
                    ledger.joined(s.getString("code"));
                    pool.share(shareCode);
                    return next.set("shareCode", shareCode);
                }))
                .doIf(s -> s.contains("shareCode"))
                .then(repeat(params.reads())
                        .on(pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                                .exec(authed("me", http("me").get("/api/v1/campaigns/#{cid}/players/me")))
                                .exec(board())));
    }

    private ChainBuilder board() {
        return call("board", http("board").get("/api/v1/campaigns/#{cid}/leaderboard?limit=20"));
    }

    /**
     * One help, as the mini-program does it: one Idempotency-Key for every try; a failure without an answer, a 5xx or
     * REQUEST_IN_PROGRESS is tried again after a back-off, RATE_LIMITED after its Retry-After, 401 after logging in
     * again; at most {@link #HELP_TRIES} tries within {@link #HELP_GIVES_UP_AFTER}.
     */
    private ChainBuilder help() {
        HttpRequestActionBuilder boost = http("help")
                .post("/api/v1/campaigns/#{cid}/players/#{target}/boosts")
                .header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", "#{helpKey}")
                .body(StringBody("{\"via\": \"#{target}\", \"scene\": 1044}"));
        return exec(s -> s.set("helpKey", UUID.randomUUID().toString())
                        .set("helpTries", 0)
                        .set("helpEnd", "")
                        .set("helpSince", System.nanoTime()))
                .asLongAs(s -> s.getString("helpEnd").isEmpty())
                .on(call("help", boost)
                        .exec(this::judgeHelp)
                        .doIf(s -> s.getString("helpEnd").isEmpty() && statusOf(s) == 401)
                        .then(login())
                        .doIf(s -> s.getString("helpEnd").isEmpty())
                        .then(pause(s -> Duration.ofMillis(s.getLong("backoff")))));
    }

    private Session judgeHelp(Session s) {
        int tries = s.getInt("helpTries") + 1;
        int status = statusOf(s);
        String code = status >= 400 ? String.valueOf(field(s, "code")) : "";
        Ledger.HelpOutcome outcome = null;
        long backoff = Math.min(3000, 250L * (1L << Math.min(tries, 4)));
        if (status == 201) {
            outcome = Ledger.HelpOutcome.ACCEPTED;
        } else if (status == 409 && code.equals("ALREADY_BOOSTED")) {
            // on a first try a definite refusal; on a retry our own lost first try may be the help it found
            outcome = tries == 1 ? Ledger.HelpOutcome.REFUSED : Ledger.HelpOutcome.UNKNOWN;
        } else if (status == 429 && code.equals("RATE_LIMITED") || status == 503) {
            backoff = retryAfterMillis(s, backoff);
        } else if (status == 401 || status == 0 || status >= 500 || code.equals("REQUEST_IN_PROGRESS")) {
            // tried again below
        } else {
            outcome = Ledger.HelpOutcome.REFUSED;
        }
        boolean givenUp =
                tries >= HELP_TRIES || System.nanoTime() - s.getLong("helpSince") > HELP_GIVES_UP_AFTER.toNanos();
        if (outcome == null && givenUp) {
            outcome = Ledger.HelpOutcome.UNKNOWN;
        }
        if (outcome != null) {
            ledger.helped(new Ledger.Help(s.getString("code"), s.getString("target"), outcome, code, tries));
            return s.set("helpTries", tries).set("helpEnd", outcome.name());
        }
        return s.set("helpTries", tries).set("backoff", backoff);
    }

    private static long retryAfterMillis(Session s, long fallback) {
        String header = s.contains("retryAfter") ? s.getString("retryAfter") : null;
        try {
            return header == null ? fallback : Math.min(3000, Math.max(100, Long.parseLong(header.strip()) * 1000));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int statusOf(Session s) {
        return s.contains("status") ? s.getInt("status") : 0;
    }

    private static String field(Session s, String name) {
        String body = s.contains("body") ? s.getString("body") : null;
        if (body == null) {
            return null;
        }
        Matcher m = STRING_FIELD.matcher(body);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        return null;
    }
}
