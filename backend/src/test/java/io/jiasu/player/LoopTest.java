package io.jiasu.player;

import static io.jiasu.Fixtures.ADMIN;
import static io.jiasu.Fixtures.campaign;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.me;
import static io.jiasu.Fixtures.tier;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.jiasu.JiasuTestStack;
import io.jiasu.localstack.WechatStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Who brought whom: joins and helps carry their origin (inviter, launch scene, group chat), the player view shows the
 * inviter and the invited, and the operators' virality view counts the loop exactly. No origin ever fails a join or a
 * help.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class LoopTest {
    private static final int FROM_CHAT = 1044;
    private static final int FROM_SESSION_CARD = 1007;
    private static final int FROM_ARTICLE = 1001;
    private static final int FROM_POSTER = 1047;

    @Inject
    MongoClient mongo;

    /** A user signed in through the stub: the login code is the openid the stub encrypts share info for. */
    record User(String openid, String token) {}

    @Test
    void aThreeGenerationShareTreeGivesExactKFactorGenerationsScenesGroupsAndFunnel() {
        String cid = twoHelpsToGoal();
        String chat = unique("openGId");
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        User dave = user("dave");
        User erin = user("erin");
        User helper = user("helper");

        String a = join(alice, cid, origin(null, FROM_ARTICLE, null))
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");
        String b = join(bob, cid, origin(a, FROM_SESSION_CARD, null))
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");
        join(carol, cid, origin(a, FROM_SESSION_CARD, null)).then().statusCode(201);
        String d = join(dave, cid, origin(b, FROM_CHAT, ticket(dave, chat, WechatStub.ShareKind.SHARE)))
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");
        join(erin, cid, origin(d, FROM_CHAT, ticket(erin, chat, WechatStub.ShareKind.GROUP_ENTER)))
                .then()
                .statusCode(201);

        help(bob, cid, a, origin(a, FROM_SESSION_CARD, null)).then().statusCode(201);
        help(carol, cid, a, origin(a, FROM_SESSION_CARD, null))
                .then()
                .statusCode(201)
                .body("finished", equalTo(true));
        help(helper, cid, b, origin(b, FROM_CHAT, ticket(helper, chat, WechatStub.ShareKind.SHARE)))
                .then()
                .statusCode(201);

        me(alice.token(), cid)
                .then()
                .statusCode(200)
                .body("invitedBy", nullValue())
                .body("invited", equalTo(2));
        me(bob.token(), cid)
                .then()
                .body("invitedBy.shareCode", equalTo(a))
                .body("invitedBy.nickname", equalTo("微信用户"))
                .body("invited", equalTo(1));
        me(erin.token(), cid).then().body("invitedBy.shareCode", equalTo(d)).body("invited", equalTo(0));

        Response answer = virality(cid);
        answer.then().statusCode(200);
        JsonPath loop = answer.jsonPath();
        assertEquals(5, loop.getInt("players"));
        assertEquals(1, loop.getInt("seedPlayers"));
        assertEquals(4, loop.getInt("invitedPlayers"));
        assertEquals(0.8, loop.getDouble("kFactor"), 1e-9);
        assertEquals(
                List.of(
                        Map.of("depth", 0, "players", 1),
                        Map.of("depth", 1, "players", 2),
                        Map.of("depth", 2, "players", 1),
                        Map.of("depth", 3, "players", 1)),
                loop.getList("generations"));
        assertEquals(
                Map.of(
                        "helpers",
                        3,
                        "helpersWhoJoined",
                        2,
                        "players",
                        5,
                        "playersHelped",
                        2,
                        "finished",
                        1,
                        "winners",
                        1,
                        "claimed",
                        0),
                loop.getMap("funnel"));
        assertEquals(Map.of("scene", FROM_SESSION_CARD, "joins", 2, "helps", 2), scene(loop, FROM_SESSION_CARD));
        assertEquals(Map.of("scene", FROM_CHAT, "joins", 2, "helps", 1), scene(loop, FROM_CHAT));
        assertEquals(Map.of("scene", FROM_ARTICLE, "joins", 1, "helps", 0), scene(loop, FROM_ARTICLE));
        assertEquals(1, loop.getInt("groups.distinct"));
        assertEquals(2, loop.getInt("groups.top[0].joins"));
        assertEquals(1, loop.getInt("groups.top[0].helps"));
        assertTrue(loop.getString("timeToGoal.p50").startsWith("PT"), "an ISO-8601 duration");
        assertNotNull(loop.getString("timeToGoal.p90"));
        assertEquals(5, loop.getList("tree").size());
        Map<String, Object> aliceNode = loop.getMap("tree.find { it.shareCode == '" + a + "' }");
        assertNull(aliceNode.get("invitedBy"), "a seed hangs from no one");
        assertEquals(0, aliceNode.get("depth"));
        assertEquals("微信用户", aliceNode.get("nickname"), "each node carries its player's card");
        assertEquals(true, aliceNode.get("finished"));
        Map<String, Object> erinNode = loop.getMap("tree.find { it.invitedBy == '" + d + "' }");
        assertEquals(3, erinNode.get("depth"));
        assertEquals(false, erinNode.get("finished"));
        assertFalse(answer.asString().contains(chat), "the openGId itself is never answered");
        Document stored = players().find(Filters.eq("_id", d)).first();
        assertEquals(loop.getString("groups.top[0].group"), stored.getString("group"), "kept as the opaque id");
    }

    @Test
    void oddOriginsAreRecordedAsUnknownAndNeverFailAJoinOrAHelp() {
        String cid = twoHelpsToGoal();
        String elsewhere = twoHelpsToGoal();
        User host = user("host");
        User outsider = user("outsider");
        String hostCode = join(host, cid, null).then().statusCode(201).extract().path("shareCode");
        String foreignCode =
                join(outsider, elsewhere, null).then().statusCode(201).extract().path("shareCode");

        User stranger = user("stranger");
        String strangerCode = join(stranger, cid, origin("no-such-code", null, null))
                .then()
                .statusCode(201)
                .extract()
                .path("shareCode");
        User traveller = user("traveller");
        join(traveller, cid, origin(foreignCode, FROM_POSTER, null)).then().statusCode(201);
        User forger = user("forger");
        join(
                        forger,
                        cid,
                        origin(
                                "../$where",
                                null,
                                Map.of("encryptedData", "bm90IGl0", "iv", "AAAAAAAAAAAAAAAAAAAAAA==")))
                .then()
                .statusCode(201);
        User foreign = user("foreign");
        join(foreign, cid, origin(hostCode, FROM_CHAT, ticket(foreign, unique("g"), "wx-another-app", null)))
                .then()
                .statusCode(201);
        User late = user("late");
        join(
                        late,
                        cid,
                        origin(
                                hostCode,
                                FROM_CHAT,
                                ticket(late, unique("g"), null, Instant.now().minus(Duration.ofDays(3)))))
                .then()
                .statusCode(201);
        User thief = user("thief");
        // share info encrypted for someone else's session_key does not open with the caller's
        join(thief, cid, origin(hostCode, FROM_CHAT, ticket(host, unique("g"), WechatStub.ShareKind.SHARE)))
                .then()
                .statusCode(201);

        // a second join with another via keeps the first touch; the own code is no inviter either
        join(stranger, cid, origin(hostCode, null, null)).then().statusCode(200).body("invitedBy", nullValue());
        join(host, cid, origin(hostCode, null, null)).then().statusCode(200).body("invitedBy", nullValue());
        // a help with share info that does not open still helps
        help(stranger, cid, hostCode, origin(hostCode, FROM_CHAT, Map.of("encryptedData", "AAAA", "iv", "AAAA")))
                .then()
                .statusCode(201);

        assertNull(players().find(Filters.eq("_id", strangerCode)).first().getString("invitedBy"));
        for (User user : List.of(foreign, late, thief)) {
            Document player = players().find(Filters.eq("userId", userId(user))).first();
            assertEquals(hostCode, player.getString("invitedBy"), "the via checks even when the share info does not");
            assertNull(player.getString("group"), "a foreign, stale or stolen share info names no group");
        }
        JsonPath loop = virality(cid).jsonPath();
        assertEquals(7, loop.getInt("players"));
        assertEquals(4, loop.getInt("seedPlayers"), "host, unknown code, other campaign's code, malformed code");
        assertEquals(0, loop.getInt("groups.distinct"));
    }

    @Test
    void malformedJsonIsStillABadRequest() {
        String cid = twoHelpsToGoal();
        User host = user("host");
        String hostCode = join(host, cid, null).then().statusCode(201).extract().path("shareCode");
        given().auth()
                .oauth2(user("broken").token())
                .contentType(ContentType.JSON)
                .body("{\"via\": ")
                .post("/api/v1/campaigns/" + cid + "/players")
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
        given().auth()
                .oauth2(user("broken").token())
                .contentType(ContentType.JSON)
                .body("{\"scene\": [")
                .post("/api/v1/campaigns/" + cid + "/players/" + hostCode + "/boosts")
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
    }

    private static String twoHelpsToGoal() {
        Instant now = Instant.now();
        return created(campaign(
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), 2, 1, List.of(tier(null, 1)), 5));
    }

    private static User user(String name) {
        String openid = unique(name);
        return new User(openid, login(openid));
    }

    private static Map<String, Object> origin(String via, Integer scene, Map<String, String> shareTicket) {
        Map<String, Object> body = new HashMap<>();
        body.put("via", via);
        body.put("scene", scene);
        body.put("shareTicket", shareTicket);
        return body;
    }

    private static Map<String, String> ticket(User user, String openGId, WechatStub.ShareKind kind) {
        WechatStub.EncryptedData data = JiasuTestStack.wechat().shareInfo(user.openid(), openGId, kind);
        return Map.of("encryptedData", data.encryptedData(), "iv", data.iv());
    }

    private static Map<String, String> ticket(User user, String openGId, String appid, Instant timestamp) {
        WechatStub.EncryptedData data = JiasuTestStack.wechat()
                .shareInfo(
                        user.openid(),
                        openGId,
                        WechatStub.ShareKind.SHARE,
                        appid,
                        timestamp == null ? Instant.now() : timestamp);
        return Map.of("encryptedData", data.encryptedData(), "iv", data.iv());
    }

    private static Response join(User user, String cid, Map<String, Object> origin) {
        var request = given().auth().oauth2(user.token());
        if (origin != null) {
            request = request.contentType(ContentType.JSON).body(origin);
        }
        return request.post("/api/v1/campaigns/" + cid + "/players");
    }

    private static Response help(User user, String cid, String shareCode, Map<String, Object> origin) {
        return given().auth()
                .oauth2(user.token())
                .contentType(ContentType.JSON)
                .body(origin)
                .post("/api/v1/campaigns/" + cid + "/players/" + shareCode + "/boosts");
    }

    private static Response virality(String cid) {
        return given().auth().oauth2(ADMIN).get("/api/v1/admin/campaigns/" + cid + "/virality");
    }

    private static Map<String, Object> scene(JsonPath loop, int scene) {
        List<Map<String, Object>> scenes = loop.getList("scenes");
        return scenes.stream()
                .filter(s -> Integer.valueOf(scene).equals(s.get("scene")))
                .findFirst()
                .orElseThrow();
    }

    private String userId(User user) {
        return mongo.getDatabase("jiasu")
                .getCollection("users")
                .find(Filters.eq("openid", user.openid()))
                .first()
                .getString("_id");
    }

    private com.mongodb.client.MongoCollection<Document> players() {
        return mongo.getDatabase("jiasu").getCollection("players");
    }
}
