package io.jiasu.admin;

import static io.jiasu.Fixtures.ADMIN;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.jiasu.Prizes.GOOD_CLAIM;
import static io.jiasu.Prizes.ban;
import static io.jiasu.Prizes.claim;
import static io.jiasu.Prizes.finisher;
import static io.jiasu.Prizes.joined;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.jiasu.JiasuTestStack;
import io.jiasu.OperatorTokens;
import io.jiasu.Prizes.Runner;
import io.jiasu.Rfc4180;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The participants export through HTTP: every player with progress, inviter, helps, finish and risk signals; the
 * prize holders' contact only for an admin; streamed in chunks; each download audited with the signed-in name.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class ParticipantsExportTest {
    private static final List<String> HEADER = List.of(
            "share_code",
            "nickname",
            "progress",
            "goal",
            "helpers",
            "invited_by",
            "depth",
            "scene",
            "joined_at",
            "finished_at",
            "prize_rank",
            "banned",
            "risky_helps",
            "risk_signals");

    @Inject
    MongoClient mongo;

    @Test
    void everyPlayerIsListedWithProgressInviterHelpsFinishAndRiskAndContactOnlyForAnAdmin() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "px-win", 1);
        claim(winner.token(), cid, GOOD_CLAIM).then().statusCode(200);
        Runner invited = joinedVia(cid, "px-inv", winner.shareCode(), 1089);
        help(login(unique("px-friend")), cid, invited.shareCode()).then().statusCode(201);
        help(login(unique("px-friend")), cid, invited.shareCode()).then().statusCode(201);
        Runner banned = joined(cid, "px-ban");
        ban(cid, banned.shareCode()).then().statusCode(200);
        // Risk signals as the help path stores them on each help entry (k: the signal names).
        players()
                .updateOne(
                        new Document("_id", invited.shareCode()),
                        new Document(
                                "$set",
                                new Document("helps.0.k", List.of("wxRisk", "network"))
                                        .append("helps.1.k", List.of("network"))));

        List<List<String>> asViewer = export(cid, OperatorTokens.of("v-ann", "viewer"));
        assertEquals(append(HEADER, "time_zone"), asViewer.get(0));
        Map<String, Map<String, String>> rows = byShareCode(asViewer);
        assertEquals(3, rows.size(), asViewer.toString());

        Map<String, String> first = rows.get(winner.shareCode());
        assertColumns(
                Map.of(
                        "progress", "1000",
                        "goal", "1000",
                        "helpers", "5",
                        "invited_by", "",
                        "depth", "0",
                        "prize_rank", "1",
                        "banned", "false",
                        "risky_helps", "0",
                        "time_zone", "Asia/Shanghai"),
                first);
        assertTrue(first.get("finished_at").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), first.toString());
        assertNull(first.get("phone"), "no contact column for a viewer");

        assertColumns(
                Map.of(
                        "progress", "400",
                        "helpers", "2",
                        "invited_by", winner.shareCode(),
                        "depth", "1",
                        "scene", "1089",
                        "finished_at", "",
                        "prize_rank", "",
                        "risky_helps", "2",
                        "risk_signals", "network:2 wxRisk:1"),
                rows.get(invited.shareCode()));

        assertEquals("true", rows.get(banned.shareCode()).get("banned"));
        assertEquals("0", rows.get(banned.shareCode()).get("helpers"));

        List<List<String>> asOperator = export(cid, OperatorTokens.of("o-bob", "operator"));
        assertEquals(asViewer.get(0), asOperator.get(0), "an operator sees no personal data either");

        List<List<String>> asAdmin = export(cid, OperatorTokens.of("a-cai", "admin"));
        List<String> withContact = new ArrayList<>(HEADER);
        withContact.addAll(List.of("name", "phone", "address", "time_zone"));
        assertEquals(withContact, asAdmin.get(0));
        Map<String, Map<String, String>> full = byShareCode(asAdmin);
        assertEquals("张三", full.get(winner.shareCode()).get("name"));
        assertEquals("13812345678\t", full.get(winner.shareCode()).get("phone"));
        assertEquals("北京市海淀区中关村大街1号", full.get(winner.shareCode()).get("address"));
        assertEquals("", full.get(invited.shareCode()).get("phone"));

        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/audit?limit=50")
                .then()
                .body(
                        "entries.findAll { it.action == 'participants.export' && it.target == '" + cid + "' }.operator",
                        org.hamcrest.Matchers.contains("a-cai", "o-bob", "v-ann"))
                .body(
                        "entries.findAll { it.action == 'participants.export' && it.target == '" + cid + "' }.detail",
                        org.hamcrest.Matchers.contains("with contact", "without contact", "without contact"));
    }

    @Test
    void aLargeCampaignIsStreamedInChunksWithEveryPlayerOnce() {
        String cid = created(liveCampaign());
        int count = 2_345;
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            many.add(new Document("_id", cid + "-p" + i)
                    .append("campaignId", cid)
                    .append("userId", cid + "-u" + i)
                    .append("helpCount", i % 7)
                    .append("helps", List.of())
                    .append("joinedAt", new Date())
                    .append("depth", 0));
        }
        players().insertMany(many);

        Response answer =
                given().auth().oauth2(OperatorTokens.of("v-ann", "viewer")).get(path(cid));
        answer.then().statusCode(200).contentType("text/csv; charset=utf-8");
        assertEquals("chunked", answer.header("Transfer-Encoding"), "streamed, not sent as one built body");
        assertNull(answer.header("Content-Length"));
        List<List<String>> rows = parse(answer);
        assertEquals(count + 1, rows.size());
        Map<String, Map<String, String>> byCode = byShareCode(rows);
        assertEquals(count, byCode.size(), "every player exactly once");
        assertEquals("600", byCode.get(cid + "-p3").get("progress"));
        assertEquals("3", byCode.get(cid + "-p3").get("helpers"));
        assertEquals(
                "1000", byCode.get(cid + "-p6").get("progress"), "six helps reach the goal of 1000 and stop there");
    }

    @Test
    void anUnknownCampaignIsNotFoundAndAUserSessionIsForbidden() {
        given().auth()
                .oauth2(OperatorTokens.of("v-ann", "viewer"))
                .get(path("nosuchcampaign"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().auth()
                .oauth2(login(unique("px-user")))
                .get(path("nosuchcampaign"))
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    private static Runner joinedVia(String cid, String prefix, String via, int scene) {
        String code = unique(prefix);
        String token = login(code);
        String shareCode = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("via", via, "scene", scene))
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");
        return new Runner(code, token, shareCode);
    }

    private static String path(String cid) {
        return "/api/v1/admin/campaigns/" + cid + "/players.csv";
    }

    private static List<List<String>> export(String cid, String token) {
        Response answer = given().auth().oauth2(token).get(path(cid));
        answer.then()
                .statusCode(200)
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"participants.csv\"")
                .header("Cache-Control", "no-store");
        return parse(answer);
    }

    private static List<List<String>> parse(Response answer) {
        byte[] bytes = answer.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        return Rfc4180.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }

    /** The records after the header as column → cell maps, by share code. */
    private static Map<String, Map<String, String>> byShareCode(List<List<String>> rows) {
        List<String> header = rows.get(0);
        return rows.subList(1, rows.size()).stream()
                .map(row -> {
                    Map<String, String> cells = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        cells.put(header.get(i), row.get(i));
                    }
                    return cells;
                })
                .collect(Collectors.toMap(cells -> cells.get("share_code"), Function.identity()));
    }

    private static void assertColumns(Map<String, String> expected, Map<String, String> row) {
        Map<String, String> actual = new HashMap<>();
        expected.keySet().forEach(column -> actual.put(column, row.get(column)));
        assertEquals(expected, actual, row.get("share_code"));
    }

    private static List<String> append(List<String> list, String last) {
        List<String> copy = new ArrayList<>(list);
        copy.add(last);
        return copy;
    }

    private com.mongodb.client.MongoCollection<Document> players() {
        return mongo.getDatabase("jiasu").getCollection("players");
    }
}
