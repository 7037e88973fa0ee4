package io.jiasu.localstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves routes over the JDK's HTTP server on the loopback interface: counts each WeChat call, applies the
 * configured fault and delay of its path, checks the HTTP method and the access token the way WeChat does,
 * parses JSON bodies and writes the answers. Workers are a fixed pool; a delayed answer waits on a scheduler,
 * not on a worker, so thousands can be in flight at once.
 */
final class StubServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WechatStub.class.getName());
    private static final int WORKERS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private static final int QUEUED_EXCHANGES = 10_000;
    private static final int BACKLOG = 1024;
    private static final String CONTROL_PREFIX = "/stub/";

    /** An endpoint answers a request that already passed the method and access token checks. */
    interface Endpoint {
        StubResponse answer(StubRequest request);
    }

    record Route(String method, boolean needsToken, Endpoint endpoint) {
        /** A path anyone may call, like WeChat's token and login endpoints. */
        static Route open(String method, Endpoint endpoint) {
            return new Route(method, false, endpoint);
        }

        /** A path that needs an {@code access_token} the stub issued. */
        static Route withToken(String method, Endpoint endpoint) {
            return new Route(method, true, endpoint);
        }
    }

    static {
        // The JDK server writes headers and body as two segments; with Nagle's algorithm on, a keep-alive
        // client then waits for a delayed ACK (40 ms on Linux) per request: 12 instead of 1,200 requests per
        // second on one connection. The server reads this property once, when its first instance is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // The server closes any keep-alive connection beyond 200 idle ones. Delayed answers finish in bursts, so
        // with hundreds of callers in flight it closed connections their clients were about to reuse (wrk: 1,685
        // read errors in 61k requests with 800 connections).
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        }
    }

    private final Map<String, Route> routes;
    private final StubSettings settings;
    private final AccessTokens tokens;
    private final StubJournal journal;
    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService delayer;

    StubServer(int port, Map<String, Route> routes, StubSettings settings, AccessTokens tokens, StubJournal journal)
            throws IOException {
        this.routes = Map.copyOf(routes);
        this.settings = settings;
        this.tokens = tokens;
        this.journal = journal;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        // When the queue is full the accepting thread serves the exchange itself, which slows intake instead of
        // failing.
        this.workers = new ThreadPoolExecutor(
                WORKERS,
                WORKERS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_EXCHANGES),
                daemonThreads("wechat-stub"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        this.delayer = Executors.newSingleThreadScheduledExecutor(daemonThreads("wechat-stub-delay"));
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        delayer.shutdownNow();
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.startsWith(CONTROL_PREFIX)) {
                Route route = routes.get(path);
                send(
                        exchange,
                        route == null ? new StubResponse.Problem(404, "NOT_FOUND", path) : answer(route, exchange));
                return;
            }
            journal.called(path);
            send(exchange, delayed(path, wechatAnswer(path, exchange)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "WeChat stub failed to answer " + path, e);
            sendLater(exchange, WechatError.SYSTEM_BUSY.response());
        } catch (IOException e) {
            exchange.close();
        }
    }

    /** A WeChat path answers as its fault says: busy (-1), down (the connection is dropped), or normally. */
    private StubResponse wechatAnswer(String path, HttpExchange exchange) throws IOException {
        Route route = routes.get(path);
        if (route == null) {
            return WechatError.INVALID_URL.response();
        }
        return switch (settings.fault(path)) {
            case BUSY -> WechatError.SYSTEM_BUSY.response();
            case DOWN -> new StubResponse.Hangup();
            case NONE -> answer(route, exchange);
        };
    }

    private StubResponse delayed(String path, StubResponse response) {
        Duration delay = settings.delay(path);
        return delay.isZero() || response instanceof StubResponse.Hangup
                ? response
                : new StubResponse.Delayed(delay, response);
    }

    private StubResponse answer(Route route, HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!route.method().equals(method)) {
            return "GET".equals(route.method())
                    ? WechatError.REQUIRE_GET.response()
                    : WechatError.REQUIRE_POST.response();
        }
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        if (route.needsToken()) {
            WechatError tokenError = tokens.check(query.get("access_token"));
            if (tokenError != null) {
                return tokenError.response();
            }
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            body = bytes.length == 0 ? Json.object() : Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return exchange.getRequestURI().getPath().startsWith(CONTROL_PREFIX)
                    ? new StubResponse.Problem(400, "BAD_REQUEST", "the body must be a JSON object")
                    : WechatError.DATA_FORMAT_ERROR.response();
        }
        return route.endpoint().answer(new StubRequest(query, body));
    }

    private void send(HttpExchange exchange, StubResponse response) throws IOException {
        if (response instanceof StubResponse.Delayed delayed) {
            // The scheduler only hands the answer back to a worker, so one thread keeps time for all of them.
            delayer.schedule(
                    () -> workers.execute(() -> sendLater(exchange, delayed.response())),
                    delayed.delay().toNanos(),
                    TimeUnit.NANOSECONDS);
            return;
        }
        if (response instanceof StubResponse.Then then) {
            try {
                send(exchange, then.response());
            } finally {
                // The work goes on even if the caller went away, as at WeChat.
                then.afterwards().run();
            }
            return;
        }
        if (response instanceof StubResponse.Hangup) {
            // Closing an exchange before its headers are sent closes the connection: the caller gets no answer.
            exchange.close();
            return;
        }
        int status = 200;
        byte[] bytes = new byte[0];
        if (response instanceof StubResponse.JsonBody json) {
            status = json.status();
            bytes = Json.MAPPER.writeValueAsBytes(json.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        } else if (response instanceof StubResponse.Png png) {
            bytes = png.bytes();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
        } else if (response instanceof StubResponse.Problem problem) {
            status = problem.status();
            bytes = Json.MAPPER.writeValueAsBytes(problem.body());
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        } else if (response instanceof StubResponse.Empty empty) {
            status = empty.status();
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void sendLater(HttpExchange exchange, StubResponse response) {
        try {
            send(exchange, response);
        } catch (IOException | RuntimeException e) {
            // The caller went away (a timeout is what a slow answer tests) or headers were already sent.
            exchange.close();
        }
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
