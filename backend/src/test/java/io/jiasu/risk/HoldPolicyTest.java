package io.jiasu.risk;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.me;
import static io.jiasu.Fixtures.stats;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.joined;
import static io.jiasu.risk.Reviews.decide;
import static io.jiasu.risk.Reviews.helpFrom;
import static io.jiasu.risk.Reviews.metric;
import static io.jiasu.risk.Reviews.networkOf;
import static io.jiasu.risk.Reviews.queue;
import static io.jiasu.risk.Reviews.review;
import static io.jiasu.risk.Reviews.setPolicy;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.jiasu.Fixtures;
import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The hold and refuse policies with exact totals under real concurrency, through HTTP, against real Redis,
 * mongo-java-server and the WeChat stub ({@code risky-*} openids rank 4). WeChat's answer is awaited long enough here
 * that every risky helper is judged on their first help; the strict timeout itself is {@link RiskRankTimeoutTest}'s.
 */
@QuarkusTest
@TestProfile(PatientRank.class)
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class HoldPolicyTest {
    private static final int THREADS = 32;

    @Inject
    MongoClient mongo;

    @Test
    void heldHelpsAddNothingUntilApprovedWhileEveryOtherHelpCounts() {
        String cid = created(liveCampaign());
        setPolicy(cid, "hold").then().statusCode(200).body("policy", equalTo("hold"));
        List<Runner> players =
                IntStream.range(0, 10).mapToObj(i -> joined(cid, "p")).toList();
        List<Callable<Response>> helps = new ArrayList<>();
        int n = 0;
        for (Runner player : players) {
            for (int i = 0; i < 5; i++) {
                String helper = login(unique(i < 3 ? "risky" : "plain"));
                String address = networkOf(n++);
                helps.add(() -> helpFrom(address, helper, cid, player.shareCode()));
            }
        }

        List<Response> answers = Parallel.run(THREADS, helps);

        assertEquals(50, answers.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(
                30,
                answers.stream().filter(r -> r.jsonPath().getBoolean("held")).count());
        assertTrue(answers.stream()
                .filter(r -> r.jsonPath().getBoolean("held"))
                .allMatch(r -> r.jsonPath().getInt("amount") == 0));
        for (Runner player : players) {
            JsonPath run = me(player.token(), cid).jsonPath();
            assertEquals(2, run.getInt("helpers"));
            assertEquals(400, run.getInt("progress"));
        }
        assertEquals(20, stats(cid).jsonPath().getInt("boosts"));
        JsonPath waiting = queue(cid).then().statusCode(200).extract().jsonPath();
        assertEquals("hold", waiting.getString("policy"));
        assertEquals(30, waiting.getList("held").size());
        assertEquals(10, waiting.getList("flagged").size());
        assertEquals(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3), waiting.getList("flagged.held", Integer.class));
        assertTrue(waiting.getList("held.risk.signals", List.class).stream().allMatch(s -> s.contains("wxRisk")));
        assertEquals(20.0, metric("jiasu_risk_helps_total", "campaign=\"" + cid + "\",outcome=\"counted\""));
        assertEquals(30.0, metric("jiasu_risk_helps_total", "campaign=\"" + cid + "\",outcome=\"held\""));
    }

    @Test
    void approvalsCrossingTheGoalTakeTheNextSlotsInFairOrderAndNoPrizeTwice() {
        String cid = created(Fixtures.campaign(
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400), 1000, 3, Fixtures.schedule(), 5));
        setPolicy(cid, "hold").then().statusCode(200);
        List<Runner> players = new ArrayList<>();
        Map<String, String> heldOf = new HashMap<>();
        for (int p = 0; p < 8; p++) {
            Runner player = joined(cid, "racer");
            for (int i = 0; i < 4; i++) {
                helpFrom(networkOf(p * 10 + i), login(unique("plain")), cid, player.shareCode())
                        .then()
                        .statusCode(201)
                        .body("held", equalTo(false));
            }
            helpFrom(networkOf(p * 10 + 9), login(unique("risky")), cid, player.shareCode())
                    .then()
                    .statusCode(201)
                    .body("held", equalTo(true))
                    .body("progress", equalTo(800));
            players.add(player);
        }
        JsonPath waiting = queue(cid).jsonPath();
        for (int i = 0; i < 8; i++) {
            heldOf.put(waiting.getString("held[" + i + "].shareCode"), waiting.getString("held[" + i + "].id"));
        }

        // every held help approved twice at once: 16 decisions racing for 8 helps and 3 prizes
        List<Response> answers = Parallel.run(
                THREADS,
                players.stream()
                        .flatMap(p -> List.<Callable<Response>>of(
                                () -> decide(cid, heldOf.get(p.shareCode()), "APPROVED"),
                                () -> decide(cid, heldOf.get(p.shareCode()), "APPROVED"))
                                .stream())
                        .toList());

        assertTrue(
                answers.stream().allMatch(r -> r.statusCode() == 200),
                answers.get(0).asString());
        assertTrue(answers.stream().allMatch(r -> "APPROVED".equals(r.jsonPath().getString("state"))));
        assertTrue(answers.stream().allMatch(r -> r.jsonPath().getBoolean("outcome.counted")));
        assertTrue(answers.stream().allMatch(r -> r.jsonPath().getBoolean("outcome.finished")));
        Map<String, Set<Integer>> rankSeen = new HashMap<>();
        answers.forEach(r -> rankSeen.computeIfAbsent(r.jsonPath().getString("id"), id -> new HashSet<>())
                .add(r.jsonPath().get("outcome.prizeRank")));
        // both answers for one help tell the same outcome
        assertTrue(rankSeen.values().stream().allMatch(ranks -> ranks.size() == 1), rankSeen.toString());
        List<Integer> ranks = new ArrayList<>();
        rankSeen.values().forEach(r -> ranks.addAll(r));
        assertEquals(8, ranks.size());
        assertEquals(5, ranks.stream().filter(r -> r == null).count());
        assertEquals(Set.of(1, 2, 3), ranks.stream().filter(r -> r != null).collect(Collectors.toSet()));

        for (Runner player : players) {
            JsonPath run = me(player.token(), cid).jsonPath();
            assertEquals(1000, run.getInt("progress"));
            assertEquals(5, run.getInt("helpers"));
        }
        JsonPath winners = given().get("/api/v1/campaigns/" + cid + "/winners").jsonPath();
        assertEquals(List.of(1, 2, 3), winners.getList("winners.rank", Integer.class));
        List<String> finished = winners.getList("winners.finishedAt");
        for (int i = 1; i < finished.size(); i++) {
            assertFalse(
                    Instant.parse(finished.get(i)).isBefore(Instant.parse(finished.get(i - 1))), finished.toString());
        }
        assertEquals(8, stats(cid).jsonPath().getInt("finished"));
        assertEquals(3, stats(cid).jsonPath().getInt("winners"));
        assertEquals(List.of(), queue(cid).jsonPath().getList("held"));
    }

    @Test
    void approvingOneHeldHelpFromManyThreadsAppliesItOnceAndAuditsEveryDecision() {
        String cid = created(liveCampaign());
        setPolicy(cid, "hold").then().statusCode(200);
        Runner player = joined(cid, "p");
        helpFrom(networkOf(1), login(unique("risky")), cid, player.shareCode())
                .then()
                .body("held", equalTo(true));
        String id = queue(cid).jsonPath().getString("held[0].id");

        List<Response> answers = Parallel.run(
                24,
                IntStream.range(0, 24)
                        .<Callable<Response>>mapToObj(i -> () -> decide(cid, id, "APPROVED"))
                        .toList());

        assertTrue(answers.stream().allMatch(r -> r.statusCode() == 200));
        assertTrue(answers.stream()
                .allMatch(r -> "APPROVED".equals(r.jsonPath().getString("state"))
                        && r.jsonPath().getBoolean("outcome.counted")
                        && r.jsonPath().getInt("outcome.amount") == 200
                        && Reviews.OPERATOR_NAME.equals(r.jsonPath().getString("decidedBy"))));
        JsonPath run = me(player.token(), cid).jsonPath();
        assertEquals(1, run.getInt("helpers"));
        assertEquals(200, run.getInt("progress"));
        assertEquals(1, stats(cid).jsonPath().getInt("boosts"));
        List<Map<String, Object>> audited = given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/audit?limit=1000")
                .jsonPath()
                .getList("entries");
        List<Map<String, Object>> mine = audited.stream()
                .filter(e -> "help.review".equals(e.get("action")) && (cid + "/" + id).equals(e.get("target")))
                .toList();
        assertEquals(24, mine.size());
        assertTrue(mine.stream().allMatch(e -> Reviews.OPERATOR_NAME.equals(e.get("operator"))));
        // the review page shows the help once as counted, marked with the held help it came from, and once as decided
        JsonPath page =
                review(cid, player.shareCode()).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("COUNTED", "APPROVED"), page.getList("helps.state"));
        assertEquals(List.of(id, id), page.getList("helps.id"));
        assertEquals(0, page.getInt("held"));
    }

    @Test
    void aRejectedHelpNeverCountsAndNoLaterDecisionChangesIt() {
        String cid = created(liveCampaign());
        setPolicy(cid, "hold").then().statusCode(200);
        Runner player = joined(cid, "p");
        String helper = login(unique("risky"));
        helpFrom(networkOf(2), helper, cid, player.shareCode()).then().body("held", equalTo(true));
        String id = queue(cid).jsonPath().getString("held[0].id");

        decide(cid, id, "REJECTED").then().statusCode(200).body("state", equalTo("REJECTED"));
        decide(cid, id, "APPROVED")
                .then()
                .statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("outcome", equalTo(null));

        assertEquals(0, me(player.token(), cid).jsonPath().getInt("helpers"));
        helpFrom(networkOf(2), helper, cid, player.shareCode())
                .then()
                .statusCode(409)
                .body("code", equalTo("ALREADY_BOOSTED"));
        decide(cid, "nosuchhelp", "APPROVED").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        decide(cid, id, "PENDING").then().statusCode(422).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void refuseAnswersForbiddenAndRecordsNothing() {
        String cid = created(liveCampaign());
        setPolicy(cid, "refuse").then().statusCode(200).body("policy", equalTo("refuse"));
        Runner player = joined(cid, "p");
        String risky = login(unique("risky"));

        Response refused = helpFrom(networkOf(3), risky, cid, player.shareCode());

        refused.then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("This campaign does not accept helps from accounts flagged as high risk."));
        helpFrom(networkOf(4), login(unique("plain")), cid, player.shareCode())
                .then()
                .statusCode(201);
        assertEquals(1, me(player.token(), cid).jsonPath().getInt("helpers"));
        assertEquals(1.0, metric("jiasu_risk_helps_total", "campaign=\"" + cid + "\",outcome=\"refused\""));
        // nothing was recorded: under count, the same friend's help is their first
        setPolicy(cid, "count").then().statusCode(200);
        helpFrom(networkOf(3), risky, cid, player.shareCode())
                .then()
                .statusCode(201)
                .body("held", equalTo(false));
        assertEquals(2, me(player.token(), cid).jsonPath().getInt("helpers"));
    }

    @Test
    void manyHelpsToOnePlayerFromOneNetworkAreFlaggedAndHeld() {
        String cid = created(Fixtures.campaign(
                Instant.now().minusSeconds(3600),
                Instant.now().plusSeconds(86_400),
                10_000,
                10,
                Fixtures.schedule(),
                5));
        setPolicy(cid, "hold").then().statusCode(200);
        Runner player = joined(cid, "p");
        List<Boolean> held = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            held.add(helpFrom("198.51.100." + i, login(unique("plain")), cid, player.shareCode())
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getBoolean("held"));
        }
        helpFrom("203.0.113.5", login(unique("plain")), cid, player.shareCode())
                .then()
                .statusCode(201)
                .body("held", equalTo(false));

        assertEquals(List.of(false, false, false, false, false, true, true, true), held);
        assertEquals(6, me(player.token(), cid).jsonPath().getInt("helpers"));
        JsonPath waiting = queue(cid).jsonPath();
        assertEquals(3, waiting.getList("held").size());
        assertEquals(List.of("network"), waiting.getList("held[0].risk.signals"));
        assertEquals(3, waiting.getInt("flagged[0].signals.network"));
    }

    @Test
    void anApprovalCutShortByACrashIsFinishedByTheNextOneAndCountsOnce() {
        String cid = created(liveCampaign());
        setPolicy(cid, "hold").then().statusCode(200);
        Runner before = joined(cid, "p");
        Runner after = joined(cid, "p");
        helpFrom(networkOf(6), login(unique("risky")), cid, before.shareCode())
                .then()
                .body("held", equalTo(true));
        helpFrom(networkOf(7), login(unique("risky")), cid, after.shareCode())
                .then()
                .body("held", equalTo(true));
        String cutBeforeApplying =
                queue(cid).jsonPath().getString("held.find { it.shareCode == '" + before.shareCode() + "' }.id");
        String cutAfterApplying =
                queue(cid).jsonPath().getString("held.find { it.shareCode == '" + after.shareCode() + "' }.id");
        Date longAgo = Date.from(Instant.now().minus(Duration.ofMinutes(2)));
        // died right after winning the decision, before the help reached the player
        heldHelps()
                .updateOne(
                        Filters.eq("_id", cutBeforeApplying),
                        Updates.combine(Updates.set("state", "APPROVING"), Updates.set("decidedAt", longAgo)));
        // died after the help reached the player, before the outcome was written
        decide(cid, cutAfterApplying, "APPROVED").then().body("outcome.counted", equalTo(true));
        heldHelps()
                .updateOne(
                        Filters.eq("_id", cutAfterApplying),
                        Updates.combine(
                                Updates.set("state", "APPROVING"),
                                Updates.set("decidedAt", longAgo),
                                Updates.unset("o")));

        decide(cid, cutBeforeApplying, "APPROVED")
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("outcome.counted", equalTo(true))
                .body("outcome.amount", equalTo(200));
        decide(cid, cutAfterApplying, "REJECTED")
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("outcome.counted", equalTo(true))
                .body("outcome.progress", equalTo(200));

        assertEquals(1, me(before.token(), cid).jsonPath().getInt("helpers"));
        assertEquals(1, me(after.token(), cid).jsonPath().getInt("helpers"));
    }

    private MongoCollection<Document> heldHelps() {
        return mongo.getDatabase("jiasu").getCollection("heldHelps");
    }

    @Test
    void aHeldHelpKeepsItsDailySlotWhenTheRepairLooksForLostOnes() {
        String cid = created(Fixtures.campaign(
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400), 1000, 10, Fixtures.schedule(), 1));
        setPolicy(cid, "hold").then().statusCode(200);
        Runner first = joined(cid, "p");
        Runner second = joined(cid, "p");
        String risky = login(unique("risky"));
        String helperId =
                given().auth().oauth2(risky).get("/api/v1/me").then().extract().path("id");
        helpFrom(networkOf(5), risky, cid, first.shareCode())
                .then()
                .statusCode(201)
                .body("held", equalTo(true));
        // the slot looks old enough for the repair, which gives back slots whose help is not in the record
        String key = "jiasu:daily:{" + helperId + "}:" + cid + ":" + LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long old = Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli();
        assertEquals(":0", JiasuTestStack.redis().command("ZADD " + key + " " + old + " " + first.shareCode()));

        helpFrom(networkOf(5), risky, cid, second.shareCode())
                .then()
                .statusCode(429)
                .body("code", equalTo("DAILY_LIMIT"));
        assertEquals(1, queue(cid).jsonPath().getList("held").size());
    }

    @Test
    void onlyTheThreePoliciesAreAcceptedAndEachChoiceIsAudited() {
        String cid = created(liveCampaign());

        given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/risk-policy")
                .then()
                .statusCode(200)
                .body("policy", equalTo("count"));
        setPolicy(cid, "maybe").then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
        setPolicy(cid, null)
                .then()
                .statusCode(422)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("policy"));
        setPolicy("nosuchcampaign", "hold").then().statusCode(404);
        setPolicy(cid, "hold").then().statusCode(200);

        List<Map<String, Object>> audited = given().auth()
                .oauth2(Fixtures.ADMIN)
                .get("/api/v1/admin/audit?limit=200")
                .jsonPath()
                .getList("entries");
        List<String> outcomes = audited.stream()
                .filter(e -> "risk.policy".equals(e.get("action")) && cid.equals(e.get("target")))
                .map(e -> e.get("outcome") + " " + e.get("detail"))
                .toList();
        assertEquals(List.of("ok policy=hold", "validation_failed null"), outcomes);
    }
}
