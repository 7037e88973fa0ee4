package io.jiasu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A real redis-server (Debian's package) on a free loopback port, without persistence, for one test run. */
public final class RedisProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path dir;

    private RedisProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static RedisProcess start() {
        int port = freePort();
        try {
            Path dir = Files.createTempDirectory("jiasu-redis");
            Process process = new ProcessBuilder(List.of(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no",
                            "--dir",
                            dir.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            RedisProcess redis = new RedisProcess(process, port, dir);
            redis.awaitPong();
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not start; is the redis-server package installed?", e);
        }
    }

    public int port() {
        return port;
    }

    /** Sends one command in Redis's inline form and returns the first line of the answer. */
    public String command(String command) {
        return exchange(command, (head, in) -> head);
    }

    /** Sends one command in Redis's inline form and returns its bulk-string answer, or null for a nil one. */
    public String bulk(String command) {
        return exchange(command, (head, in) -> {
            if (head.charAt(0) != '$') {
                throw new IllegalStateException("not a bulk string: " + head);
            }
            int length = Integer.parseInt(head.substring(1));
            return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        });
    }

    /** What to make of an answer, given its first line and the rest of the stream. */
    private interface Answer {
        String read(String head, InputStream rest) throws IOException;
    }

    private String exchange(String command, Answer answer) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    head.append((char) c);
                }
            }
            return answer.read(head.toString(), in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitPong() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try {
                if ("+PONG".equals(command("PING"))) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // still starting
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(
                "redis-server did not answer on port " + port + "; see " + dir.resolve("redis.log"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
