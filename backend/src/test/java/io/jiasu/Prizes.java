package io.jiasu;

import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;

/**
 * Builders for the end of a run: a player who reached the goal of a {@link Fixtures#liveCampaign()} (goal 1000, five
 * helps of 200), and their claim.
 */
public final class Prizes {
    public static final Map<String, Object> GOOD_CLAIM =
            Map.of("name", "张三", "phone", "13812345678", "address", "北京市海淀区中关村大街1号");

    private Prizes() {}

    /** A player in this campaign: their login code, token and share code. */
    public record Runner(String code, String token, String shareCode) {}

    public static Runner joined(String cid, String codePrefix) {
        String code = unique(codePrefix);
        String token = login(code);
        return new Runner(code, token, join(token, cid));
    }

    /** Joins and gets five fresh friends to help, which reaches the goal; asserts the prize rank the last help took. */
    public static Runner finisher(String cid, String codePrefix, Integer expectedRank) {
        Runner runner = joined(cid, codePrefix);
        for (int i = 0; i < 5; i++) {
            Response help = help(login(unique("friend")), cid, runner.shareCode());
            help.then().statusCode(201);
            if (i == 4) {
                help.then().body("finished", equalTo(true)).body("prizeRank", equalTo(expectedRank));
            }
        }
        return runner;
    }

    public static Response claim(String token, String cid, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/campaigns/" + cid + "/players/me/claim");
    }

    public static Response ban(String cid, String shareCode) {
        return given().auth()
                .oauth2(Fixtures.ADMIN)
                .post("/api/v1/admin/campaigns/" + cid + "/players/" + shareCode + "/ban");
    }
}
