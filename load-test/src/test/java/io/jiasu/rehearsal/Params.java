package io.jiasu.rehearsal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The rehearsal's knobs, from system properties ({@code -Djiasu.edge=...}); load-test/rehearsal sets them from its
 * environment. Every duration and rate is a parameter so a development run can be 30 s and a launch check longer.
 */
record Params(
        String edge,
        String api,
        String adminToken,
        String mongoUri,
        Path out,
        String campaignId,
        Duration lead,
        Duration duration,
        double seedRate,
        double friendRate,
        int branching,
        double joinFraction,
        int prizes,
        int reads) {

    /** The campaign's published schedule: helps 1-3 add 200 each, every later help 100, to a goal of 1000. */
    static final int GOAL = 1000;

    static final String SCHEDULE = "[{\"helpers\": 3, \"amount\": 200}, {\"helpers\": null, \"amount\": 100}]";

    /** Helps that take a player to the goal under {@link #SCHEDULE}. */
    static final int HELPS_TO_GOAL = 7;

    static Params fromSystem() {
        Path out = Path.of(property("jiasu.out", "../.run/rehearsal"));
        return new Params(
                property("jiasu.edge", "http://127.0.0.1:19000"),
                property("jiasu.api", "http://127.0.0.1:19010"),
                adminToken(Path.of(property("jiasu.adminTokenFile", "../.run/rehearsal/stack/admin-token"))),
                property("jiasu.mongo", "mongodb://127.0.0.1:19002"),
                out,
                property("jiasu.campaign", "rehearsal-" + System.currentTimeMillis() / 1000),
                Duration.ofSeconds(Long.parseLong(property("jiasu.lead", "5"))),
                Duration.ofSeconds(Long.parseLong(property("jiasu.duration", "60"))),
                Double.parseDouble(property("jiasu.seedRate", "3")),
                Double.parseDouble(property("jiasu.friendRate", "30")),
                Integer.parseInt(property("jiasu.branching", "8")),
                Double.parseDouble(property("jiasu.joinFraction", "0.3")),
                Integer.parseInt(property("jiasu.prizes", "30")),
                Integer.parseInt(property("jiasu.reads", "2")));
    }

    /** Progress after {@code helps} helps under the schedule, capped at the goal. */
    static int progressAfter(int helps) {
        int progress = Math.min(helps, 3) * 200 + Math.max(0, helps - 3) * 100;
        return Math.min(progress, GOAL);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String adminToken(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("no admin token in " + file + " (start the stack first)", e);
        }
    }
}
