package io.jiasu.rehearsal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;

/**
 * Holds the server to what the clients saw, like the red-envelope simulation's reconciliation: every accepted help is
 * in the record exactly once, no help is there twice or without a client that sent it, progress is the published
 * schedule applied to the help count, and the winners are min(prizes, finishers) in the order they finished. Reads
 * the record (MongoDB) directly and the public and operators' API of one instance.
 */
final class Audit {
    private static final int READERS = 8;
    private static final long STATS_BOUND_SECONDS = 90;

    private final Params params;
    private final Ledger ledger;
    private final Api api;

    Audit(Params params, Ledger ledger) {
        this.params = params;
        this.ledger = ledger;
        this.api = new Api(params.api(), params.adminToken());
    }

    /** The verdict and its counts, written as key=value lines for load-test/faults. */
    static final class Result {
        final Map<String, Object> counts = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();

        void count(String key, Object value) {
            counts.put(key, value);
        }

        void fail(String what) {
            if (failures.size() < 50) {
                failures.add(what);
            }
        }

        boolean ok() {
            return failures.isEmpty();
        }

        void write(Path file) {
            List<String> lines = new ArrayList<>();
            lines.add("audit=" + (ok() ? "OK" : "FAILED"));
            counts.forEach((k, v) -> lines.add(k + "=" + v));
            failures.forEach(f -> lines.add("audit_failure=" + f));
            try {
                Files.write(file, lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String summary() {
            return "audit: " + (ok() ? "OK" : "FAILED") + " " + counts
                    + (ok() ? "" : "\n  " + String.join("\n  ", failures));
        }
    }

    private record Player(
            String shareCode, String userId, int helpCount, List<String> helpers, Date finishedAt, Integer prizeRank) {}

    Result run() {
        Result result = new Result();
        try (MongoClient mongo = MongoClients.create(params.mongoUri())) {
            MongoDatabase db = mongo.getDatabase("jiasu");
            List<Player> players = players(db);
            Map<String, String> userIds = userIds(db);
            helps(result, players, userIds);
            progress(result, players);
            winners(result, db, players);
        } catch (RuntimeException e) {
            result.fail("the audit itself failed: " + e);
        }
        return result;
    }

    private List<Player> players(MongoDatabase db) {
        List<Player> players = new ArrayList<>();
        for (Document doc : db.getCollection("players").find(Filters.eq("campaignId", params.campaignId()))) {
            List<String> helpers = new ArrayList<>();
            for (Document help : doc.getList("helps", Document.class, List.of())) {
                helpers.add(help.getString("u"));
            }
            players.add(new Player(
                    doc.getString("_id"),
                    doc.getString("userId"),
                    doc.getInteger("helpCount", 0),
                    helpers,
                    doc.getDate("finishedAt"),
                    doc.getInteger("prizeRank")));
        }
        return players;
    }

    /** openid (the rehearsal's login code, through the WeChat stub) to user id, for this run's users. */
    private Map<String, String> userIds(MongoDatabase db) {
        Map<String, String> ids = new HashMap<>();
        for (Document doc : db.getCollection("users").find(Filters.regex("openid", "^" + params.campaignId() + "-"))) {
            ids.put(doc.getString("openid"), doc.getString("_id"));
        }
        return ids;
    }

    private void helps(Result result, List<Player> players, Map<String, String> userIds) {
        Map<String, Player> byCode = new HashMap<>();
        players.forEach(p -> byCode.put(p.shareCode(), p));
        Set<String> sent = new HashSet<>();
        int accepted = 0, unknown = 0, refused = 0, lost = 0, refusedButCounted = 0;
        for (Ledger.Help help : ledger.helps()) {
            String helperId = userIds.get(help.helperCode());
            Player player = byCode.get(help.shareCode());
            long found = player == null || helperId == null
                    ? 0
                    : player.helpers().stream().filter(helperId::equals).count();
            sent.add(help.shareCode() + "/" + helperId);
            switch (help.outcome()) {
                case ACCEPTED -> {
                    accepted++;
                    if (found == 0) {
                        lost++;
                        result.fail("accepted help missing: " + help.helperCode() + " -> " + help.shareCode());
                    }
                }
                case UNKNOWN -> unknown++;
                case REFUSED -> {
                    refused++;
                    if (found > 0) {
                        refusedButCounted++;
                        result.fail("refused help (" + help.code() + ") counted: " + help.helperCode() + " -> "
                                + help.shareCode());
                    }
                }
            }
        }
        int serverHelps = 0, doubled = 0, unexplained = 0;
        for (Player player : players) {
            serverHelps += player.helpers().size();
            Set<String> seen = new HashSet<>();
            for (String helper : player.helpers()) {
                if (!seen.add(helper)) {
                    doubled++;
                    result.fail("help counted twice: helper " + helper + " -> " + player.shareCode());
                } else if (!sent.contains(player.shareCode() + "/" + helper)) {
                    unexplained++;
                    result.fail("help no client sent: helper " + helper + " -> " + player.shareCode());
                }
            }
        }
        result.count("players", players.size());
        result.count("players_client", ledger.players());
        result.count("helps_accepted", accepted);
        result.count("helps_unknown", unknown);
        result.count("helps_refused", refused);
        result.count("helps_server", serverHelps);
        result.count("helps_lost", lost);
        result.count("helps_doubled", doubled + refusedButCounted + unexplained);
        // a join whose answer was lost is a player the client never saw; one the client saw must be there
        Set<String> owners = new HashSet<>();
        players.forEach(p -> owners.add(p.userId()));
        long missing = ledger.joinedCodes().stream()
                .filter(code -> !owners.contains(userIds.get(code)))
                .count();
        if (missing > 0) {
            result.fail(missing + " players whose join was answered are not in the record");
        }
    }

    /** Each player's record adds up, and the public view shows the schedule applied to the help count. */
    private void progress(Result result, List<Player> players) {
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (Player player : players) {
                checks.add(readers.submit(() -> progressProblem(player)));
            }
            int wrong = 0;
            for (Future<String> check : checks) {
                String problem = check.get();
                if (problem != null) {
                    wrong++;
                    result.fail(problem);
                }
            }
            result.count("progress_wrong", wrong);
        } catch (Exception e) {
            result.fail("reading players back failed: " + e);
        } finally {
            readers.shutdownNow();
        }
    }

    private String progressProblem(Player player) {
        if (player.helpCount() != player.helpers().size()) {
            return player.shareCode() + ": helpCount " + player.helpCount() + " but "
                    + player.helpers().size() + " helps";
        }
        if (player.helpCount() > Params.HELPS_TO_GOAL) {
            return player.shareCode() + ": " + player.helpCount() + " helps, past the goal";
        }
        if ((player.finishedAt() != null) != (player.helpCount() == Params.HELPS_TO_GOAL)) {
            return player.shareCode() + ": finishedAt " + player.finishedAt() + " with " + player.helpCount()
                    + " helps";
        }
        Document view = api.get("/api/v1/campaigns/" + params.campaignId() + "/players/" + player.shareCode());
        int progress = view.getInteger("progress");
        int expected = Params.progressAfter(player.helpCount());
        if (progress != expected || view.getInteger("helpers") != player.helpCount()) {
            return player.shareCode() + ": shows progress " + progress + " and " + view.getInteger("helpers")
                    + " helpers; the schedule gives " + expected + " for " + player.helpCount() + " helps";
        }
        return null;
    }

    /** Winners are min(prizes, finishers), ranked 1..N in finish order, in the record, the public list and stats. */
    private void winners(Result result, MongoDatabase db, List<Player> players) {
        List<Player> finishers = players.stream()
                .filter(p -> p.finishedAt() != null)
                .sorted(Comparator.comparing(Player::finishedAt))
                .toList();
        int expected = Math.min(params.prizes(), finishers.size());
        Document campaign = db.getCollection("campaigns")
                .find(Filters.eq("_id", params.campaignId()))
                .first();
        List<Document> slots = campaign == null ? List.of() : campaign.getList("winners", Document.class, List.of());
        result.count("finished", finishers.size());
        result.count("winners", slots.size());
        if (slots.size() != expected) {
            result.fail("winners " + slots.size() + ", expected min(" + params.prizes() + ", " + finishers.size()
                    + ") = " + expected);
        }
        Date last = null;
        Set<String> winnerCodes = new HashSet<>();
        Map<String, Player> byCode = new HashMap<>();
        players.forEach(p -> byCode.put(p.shareCode(), p));
        for (int i = 0; i < slots.size(); i++) {
            String code = slots.get(i).getString("p");
            // a slot's finish time is the latest one stamped up to it: the time the serialising update handed out
            // (its $max on lastFinishAt), so a request that started earlier but reached the slot later ranks after
            Date stamped = slots.get(i).getDate("f");
            Date finished = last == null || stamped.after(last) ? stamped : last;
            Player player = byCode.get(code);
            if (!winnerCodes.add(code)) {
                result.fail("winner twice: " + code);
            }
            if (player == null
                    || player.finishedAt() == null
                    || !player.finishedAt().equals(finished)) {
                result.fail("winner " + (i + 1) + " (" + code + ") did not finish at " + finished);
            } else if (player.prizeRank() == null || player.prizeRank() != i + 1) {
                result.fail("winner " + (i + 1) + " (" + code + ") holds prizeRank " + player.prizeRank());
            }
            if (last != null && finished.before(last)) {
                result.fail("winner " + (i + 1) + " finished before winner " + i);
            }
            last = finished;
        }
        // nobody who finished before the last winner was passed over
        for (Player finisher : finishers) {
            if (last != null && finisher.finishedAt().before(last) && !winnerCodes.contains(finisher.shareCode())) {
                result.fail("finisher " + finisher.shareCode() + " finished before the last winner but holds none");
            }
            if (!winnerCodes.contains(finisher.shareCode()) && finisher.prizeRank() != null) {
                result.fail("finisher " + finisher.shareCode() + " holds prizeRank " + finisher.prizeRank()
                        + " but no slot");
            }
        }
        List<Document> shown =
                api.get("/api/v1/campaigns/" + params.campaignId() + "/winners").getList("winners", Document.class);
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).getInteger("rank") != i + 1) {
                result.fail("public winners list: position " + (i + 1) + " shows rank "
                        + shown.get(i).getInteger("rank"));
            }
        }
        if (shown.size() != slots.size()) {
            result.fail("public winners list shows " + shown.size() + ", the record holds " + slots.size());
        }
        int serverHelps = players.stream().mapToInt(p -> p.helpers().size()).sum();
        Document stats = statsAgreeing(players.size(), serverHelps);
        if (stats.getInteger("boosts") != serverHelps || stats.getInteger("players") != players.size()) {
            result.fail("admin stats " + stats.toJson() + " disagree with the record after " + STATS_BOUND_SECONDS
                    + " s: " + players.size() + " players, " + serverHelps + " helps");
        }
    }

    /**
     * The admin stats, asked again each second until they agree with the record or {@value #STATS_BOUND_SECONDS} s
     * have passed: another instance's counters are up to about a second behind, and counters a killed instance lost
     * are recounted from the record within about 75 s, the next recount (backend/README.md, "The operators' counts").
     */
    private Document statsAgreeing(int players, int helps) {
        long deadline = System.nanoTime() + STATS_BOUND_SECONDS * 1_000_000_000L;
        while (true) {
            Document stats = api.admin("GET", "/api/v1/admin/campaigns/" + params.campaignId() + "/stats", null);
            boolean agree = stats.getInteger("boosts") == helps && stats.getInteger("players") == players;
            if (agree || System.nanoTime() > deadline) {
                return stats;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return stats;
            }
        }
    }
}
