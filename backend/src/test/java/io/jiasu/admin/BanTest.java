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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.jiasu.JiasuTestStack;
import io.jiasu.OperatorTokens;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class BanTest {

    @Test
    void aBannedUserIsRefusedEverywhere() {
        String cid = created(liveCampaign());
        String other = created(liveCampaign());
        Runner cheat = finisher(cid, "cheat", 1);
        Runner honest = joined(cid, "honest");

        ban(cid, cheat.shareCode())
                .then()
                .statusCode(200)
                .body("banned", equalTo(true))
                .body("shareCode", equalTo(cheat.shareCode()));

        String base = "/api/v1/campaigns/" + cid;
        given().auth()
                .oauth2(cheat.token())
                .get(base + "/players/me")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(cheat.token())
                .post("/api/v1/campaigns/" + other + "/players")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        help(cheat.token(), cid, honest.shareCode()).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        claim(cheat.token(), cid, GOOD_CLAIM).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(cheat.token())
                .get(base + "/players/me/wxacode")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType("application/json")
                .body(Map.of("code", cheat.code()))
                .post("/api/v1/session")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        help(login(unique("friend")), cid, cheat.shareCode())
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aBannedWinnerLeavesTheBoardsAndTheirPrizeIsRevokedNotHandedOn() {
        String cid = created(liveCampaign());
        Runner cheat = finisher(cid, "cheat", 1);
        Runner honest = joined(cid, "honest");
        help(login(unique("friend")), cid, honest.shareCode()).then().statusCode(201);
        adminBoard(cid).then().body("entries.shareCode", hasItem(cheat.shareCode()));

        ban(cid, cheat.shareCode()).then().statusCode(200);

        adminBoard(cid)
                .then()
                .body("entries.shareCode", not(hasItem(cheat.shareCode())))
                .body("entries[0].shareCode", equalTo(honest.shareCode()));
        given().get("/api/v1/campaigns/" + cid + "/leaderboard").then().body("entries.size()", equalTo(1));
        given().get("/api/v1/campaigns/" + cid + "/winners").then().body("winners.size()", equalTo(0));

        // Redis loses the board; the rebuild from MongoDB leaves the banned player off.
        JiasuTestStack.redis().command("DEL jiasu:lb:" + cid);
        adminBoard(cid)
                .then()
                .body("entries.shareCode", not(hasItem(cheat.shareCode())))
                .body("entries.size()", equalTo(1));

        Runner next = finisher(cid, "next", 2);
        given().get("/api/v1/campaigns/" + cid + "/winners")
                .then()
                .body("winners.size()", equalTo(1))
                .body("winners[0].rank", equalTo(2));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/winners")
                .then()
                .body("winners.status", org.hamcrest.Matchers.contains("REVOKED", "UNCLAIMED"))
                .body("winners[1].shareCode", equalTo(next.shareCode()));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/stats")
                .then()
                .body("winners", equalTo(2))
                .body("prizeRemaining", equalTo(8));
    }

    @Test
    void bansAreAuditedWithTheSignedInOperatorNotADeclaredNameAndTheForwardedAddress() {
        String cid = created(liveCampaign());
        Runner target = joined(cid, "target");
        given().auth()
                .oauth2(OperatorTokens.of("值班-小李", "operator"))
                .header("X-Operator", "mallory") // no authority: the name comes from the sign-in
                .header("X-Real-IP", "203.0.113.7")
                .post("/api/v1/admin/campaigns/" + cid + "/players/" + target.shareCode() + "/ban")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/admin/campaigns/" + cid + "/players/nosuchcode/ban")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));

        String ban =
                "entries.find { it.action == 'player.ban' && it.target == '" + cid + "/" + target.shareCode() + "' }";
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .body(ban + ".operator", equalTo("值班-小李"))
                .body(ban + ".address", equalTo("203.0.113.7"))
                .body(ban + ".outcome", equalTo("ok"))
                .body(ban + ".at", org.hamcrest.Matchers.notNullValue())
                .body("entries.find { it.target == '" + cid + "/nosuchcode' }.outcome", equalTo("not_found"))
                .body(
                        "entries.find { it.action == 'campaign.define' && it.target == '" + cid + "' }.outcome",
                        equalTo("ok"));
        given().get("/q/metrics").then().body(containsString("jiasu_admin_bans_total"));
    }

    @Test
    void playersCannotBanOrReadTheAuditLog() {
        String cid = created(liveCampaign());
        Runner player = joined(cid, "p");
        given().auth()
                .oauth2(player.token())
                .post("/api/v1/admin/campaigns/" + cid + "/players/" + player.shareCode() + "/ban")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(player.token()).get("/api/v1/admin/audit").then().statusCode(403);
        given().get("/api/v1/admin/campaigns/" + cid + "/winners.csv")
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    private static io.restassured.response.Response adminBoard(String cid) {
        return given().auth().oauth2(ADMIN).get("/api/v1/admin/campaigns/" + cid + "/leaderboard");
    }

    @Test
    void anUnbannedWinnerIsBackOnTheBoardsAndHoldsTheirPrizeAgain() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "winner", 1);
        Runner honest = joined(cid, "honest");
        help(login(unique("friend")), cid, honest.shareCode()).then().statusCode(201);
        ban(cid, winner.shareCode()).then().statusCode(200);
        Runner next = finisher(cid, "next", 2);
        given().auth()
                .oauth2(winner.token())
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(OperatorTokens.of("o-bob", "operator"))
                .header("X-Real-IP", "203.0.113.9")
                .delete("/api/v1/admin/campaigns/" + cid + "/players/" + winner.shareCode() + "/ban")
                .then()
                .statusCode(200)
                .body("shareCode", equalTo(winner.shareCode()))
                .body("banned", equalTo(false));

        // back on the operators' and the public board, first again (rank 1 sorts first), after the next finisher
        adminBoard(cid)
                .then()
                .body("entries.shareCode", contains(winner.shareCode(), next.shareCode(), honest.shareCode()));
        given().get("/api/v1/campaigns/" + cid + "/winners").then().body("winners.rank", contains(1, 2));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/campaigns/" + cid + "/winners")
                .then()
                .body("winners.status", contains("UNCLAIMED", "UNCLAIMED"));
        given().auth()
                .oauth2(winner.token())
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .then()
                .statusCode(200)
                .body("prizeRank", equalTo(1));
        claim(winner.token(), cid, GOOD_CLAIM).then().statusCode(200);
        given().contentType("application/json")
                .body(Map.of("code", winner.code()))
                .post("/api/v1/session")
                .then()
                .statusCode(201);
        // a rebuild from the record keeps them on the board
        JiasuTestStack.redis().command("DEL jiasu:lb:" + cid);
        adminBoard(cid).then().body("entries.shareCode", hasItem(winner.shareCode()));

        String unban =
                "entries.find { it.action == 'player.unban' && it.target == '" + cid + "/" + winner.shareCode() + "' }";
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/audit")
                .then()
                .body(unban + ".operator", equalTo("o-bob"))
                .body(unban + ".address", equalTo("203.0.113.9"))
                .body(unban + ".outcome", equalTo("ok"));
    }
}
