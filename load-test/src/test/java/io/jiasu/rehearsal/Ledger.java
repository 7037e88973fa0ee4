package io.jiasu.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the clients saw: every answer by second and request type, and the final outcome of every help, so the audit
 * can hold the server to it and the fault runner can tell the load before, during and after a fault.
 */
final class Ledger {
    /** How a client saw one help end, after its retries. */
    enum HelpOutcome {
        /** 201: the server said it counted. */
        ACCEPTED,
        /** No definite answer (every try failed), or ALREADY_BOOSTED on a retry: it may or may not have counted. */
        UNKNOWN,
        /** A definite refusal (GOAL_REACHED, DAILY_LIMIT, ...): it must not have counted. */
        REFUSED
    }

    record Help(String helperCode, String shareCode, HelpOutcome outcome, String code, int tries) {}

    private record Answer(long second, String name, int status, long millis) {}

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Help> helps = new ConcurrentLinkedQueue<>();
    private final Map<String, Boolean> joined = new ConcurrentHashMap<>();

    void answered(String name, int status, long millis) {
        answers.add(new Answer(System.currentTimeMillis() / 1000, name, status, millis));
    }

    void helped(Help help) {
        helps.add(help);
    }

    void joined(String userCode) {
        joined.put(userCode, true);
    }

    List<Help> helps() {
        return List.copyOf(helps);
    }

    int players() {
        return joined.size();
    }

    Set<String> joinedCodes() {
        return Set.copyOf(joined.keySet());
    }

    /** Failed: no answer or 5xx. Limited: 429, or 503 with the limiter's Retry-After. */
    static boolean failed(int status) {
        return status == 0 || status >= 500;
    }

    /**
     * Writes timeline.csv (per second: requests, failed, 429s, 401s, slowest answer, helps accepted), answers.csv
     * (every answer: second, request type, status, ms), helps.csv (every help's end) and requests.md (per request
     * type: rate, percentiles, errors).
     */
    void write(Path dir, double seconds) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("timeline.csv"), timeline());
            List<String> raw = new ArrayList<>();
            raw.add("second,request,status,ms");
            answers.forEach(a -> raw.add(a.second() + "," + a.name() + "," + a.status() + "," + a.millis()));
            Files.write(dir.resolve("answers.csv"), raw);
            List<String> rows = new ArrayList<>();
            rows.add("helper,shareCode,outcome,code,tries");
            helps.forEach(h -> rows.add(String.join(
                    ",", h.helperCode(), h.shareCode(), h.outcome().name(), h.code(), String.valueOf(h.tries()))));
            Files.write(dir.resolve("helps.csv"), rows);
            Files.write(dir.resolve("requests.md"), table(seconds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> timeline() {
        Map<Long, long[]> bySecond = new TreeMap<>();
        for (Answer a : answers) {
            long[] row = bySecond.computeIfAbsent(a.second(), s -> new long[6]);
            row[0]++;
            row[1] += failed(a.status()) ? 1 : 0;
            row[2] += a.status() == 429 ? 1 : 0;
            row[3] += a.status() == 401 ? 1 : 0;
            row[4] = Math.max(row[4], a.millis());
            row[5] += a.name().equals("help") && a.status() == 201 ? 1 : 0;
        }
        List<String> lines = new ArrayList<>();
        lines.add("second,requests,failed,limited,unauthenticated,max_ms,helps_accepted");
        bySecond.forEach((second, r) ->
                lines.add(second + "," + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "," + r[4] + "," + r[5]));
        return lines;
    }

    private List<String> table(double seconds) {
        Map<String, List<Answer>> byName = new TreeMap<>();
        answers.forEach(
                a -> byName.computeIfAbsent(a.name(), n -> new ArrayList<>()).add(a));
        List<String> lines = new ArrayList<>();
        lines.add("| request | count | requests/s | p50 ms | p95 ms | p99 ms | max ms | 4xx | 429 | 5xx or none |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        byName.forEach((name, list) -> {
            long[] ms = list.stream().mapToLong(Answer::millis).sorted().toArray();
            long client = list.stream()
                    .filter(a -> a.status() >= 400 && a.status() < 500 && a.status() != 429)
                    .count();
            long limited = list.stream().filter(a -> a.status() == 429).count();
            long failed = list.stream().filter(a -> failed(a.status())).count();
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %d | %d | %d | %d | %d | %d | %d |",
                    name,
                    ms.length,
                    ms.length / seconds,
                    percentile(ms, 50),
                    percentile(ms, 95),
                    percentile(ms, 99),
                    ms.length == 0 ? 0 : ms[ms.length - 1],
                    client,
                    limited,
                    failed));
        });
        return lines;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
