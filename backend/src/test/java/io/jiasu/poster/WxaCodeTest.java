package io.jiasu.poster;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Prizes.joined;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.jiasu.Prizes.Runner;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class WxaCodeTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final String API = "/wxa/getwxacodeunlimit";

    @Test
    void aPlayersCodeIsAPngFetchedFromWeChatOnce() {
        String cid = created(liveCampaign());
        Runner runner = joined(cid, "poster");
        int before = JiasuTestStack.wechat().calls(API);

        List<byte[]> images = Parallel.run(
                8,
                IntStream.range(0, 8)
                        .<Callable<byte[]>>mapToObj(i -> () -> given().auth()
                                .oauth2(runner.token())
                                .get("/api/v1/campaigns/" + cid + "/players/me/wxacode")
                                .then()
                                .statusCode(200)
                                .contentType("image/png")
                                .extract()
                                .asByteArray())
                        .toList());
        byte[] again = given().auth()
                .oauth2(runner.token())
                .get("/api/v1/campaigns/" + cid + "/players/me/wxacode")
                .asByteArray();

        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(images.get(0), 8));
        images.forEach(png -> assertArrayEquals(images.get(0), png));
        assertArrayEquals(images.get(0), again);
        assertEquals(1, JiasuTestStack.wechat().calls(API) - before, "fetched from WeChat once");
        String text = new String(images.get(0), StandardCharsets.ISO_8859_1);
        assertEquals(
                true,
                text.contains("c=" + cid + "&s=" + runner.shareCode()) || text.contains(runner.shareCode()),
                "the scene is in the PNG");
    }

    @Test
    void theSceneCarriesTheCampaignWhenItFits() {
        assertEquals("c=run-2027&s=abcdefghjk", WxaCodeService.scene("run-2027", "abcdefghjk"));
        assertEquals("abcdefghjk", WxaCodeService.scene("a-campaign-id-far-too-long-to-fit", "abcdefghjk"));
    }

    @Test
    void onlyJoinedPlayersHaveACode() {
        String cid = created(liveCampaign());
        given().auth()
                .oauth2(io.jiasu.Fixtures.login(io.jiasu.Fixtures.unique("nobody")))
                .get("/api/v1/campaigns/" + cid + "/players/me/wxacode")
                .then()
                .statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
    }
}
