package io.jiasu.admin;

import static io.jiasu.Fixtures.ADMIN;
import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Prizes.ban;
import static io.jiasu.Prizes.claim;
import static io.jiasu.Prizes.finisher;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import io.jiasu.JiasuTestStack;
import io.jiasu.OperatorTokens;
import io.jiasu.Prizes.Runner;
import io.jiasu.Rfc4180;
import io.jiasu.Spreadsheets;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The winners CSV and workbook through HTTP, with hostile nicknames and claims, a revoked prize, and the audit entry it leaves. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class WinnersExportTest {
    private static final String ADDRESS_120 = "广东省深圳市南山区" + "科技园".repeat(37);

    @Inject
    MongoClient mongo;

    @Test
    void theCsvListsEveryPrizeHolderWithFullContactGuardedAgainstFormulas() {
        String cid = created(liveCampaign());
        Runner first = finisher(cid, "csv1", 1);
        Runner second = finisher(cid, "csv2", 2);
        Runner third = finisher(cid, "csv3", 3);
        Runner fourth = finisher(cid, "csv4", 4);

        nickname(first, "=cmd|' /C calc'!A0");
        // WeChat nicknames can hold what our own profile form refuses; put one straight into the record.
        mongo.getDatabase("jiasu")
                .getCollection("users")
                .updateOne(
                        new Document("openid", second.code()),
                        new Document("$set", new Document("nickname", "\tTab\n\"换行\", 逗号")));
        nickname(third, "🚀火箭");

        claim(first.token(), cid, Map.of("name", "+1", "phone", "13812345678", "address", "@SUM(A1) 北京市海淀区"))
                .then()
                .statusCode(200);
        claim(second.token(), cid, Map.of("name", "王\"小\"二", "phone", "13912345678", "address", ADDRESS_120))
                .then()
                .statusCode(200);
        claim(third.token(), cid, Map.of("name", "🚀😀", "phone", "15012345678", "address", "-1+1 上海市浦东新区, 世纪大道"))
                .then()
                .statusCode(200);
        ban(cid, fourth.shareCode()).then().statusCode(200);

        Response export = given().auth()
                .oauth2(OperatorTokens.of("小王", "admin"))
                .header("X-Operator", "mallory")
                .get("/api/v1/admin/campaigns/" + cid + "/winners.csv");
        export.then().statusCode(200).contentType("text/csv; charset=utf-8");
        byte[] bytes = export.asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        List<List<String>> rows = Rfc4180.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));

        assertEquals(
                List.of(
                        "rank",
                        "nickname",
                        "finished_at",
                        "name",
                        "phone",
                        "address",
                        "claimed_at",
                        "status",
                        "time_zone"),
                rows.get(0));
        assertEquals(5, rows.size(), rows.toString());
        assertEquals(
                List.of("1", "'=cmd|' /C calc'!A0", "'+1", "13812345678\t", "'@SUM(A1) 北京市海淀区", "claimed"),
                pick(rows.get(1)));
        assertEquals(
                List.of("2", "'\tTab\n\"换行\", 逗号", "王\"小\"二", "13912345678\t", ADDRESS_120, "claimed"),
                pick(rows.get(2)));
        assertEquals(120, ADDRESS_120.codePointCount(0, ADDRESS_120.length()));
        assertEquals(
                List.of("3", "🚀火箭", "🚀😀", "15012345678\t", "'-1+1 上海市浦东新区, 世纪大道", "claimed"), pick(rows.get(3)));
        assertEquals(List.of("4", "微信用户", "", "", "", "revoked"), pick(rows.get(4)));
        assertTrue(
                rows.get(1).get(2).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"),
                "a time a spreadsheet reads: " + rows.get(1).get(2));
        assertEquals("Asia/Shanghai", rows.get(1).get(8), "the campaign's zone");
        assertTrue(!rows.get(1).get(6).isEmpty(), "claimed_at");

        exportAudited(cid, "小王", "rows=4")
                .body(
                        "entries.find { it.action == 'winners.export' && it.target == '" + cid + "' }.address",
                        org.hamcrest.Matchers.equalTo("127.0.0.1"));
    }

    @Test
    void theWorkbookHoldsTypedCellsExactlyAsTheWinnersTypedThemAndIsAudited() throws Exception {
        String cid = created(liveCampaign());
        Runner first = finisher(cid, "xlsx1", 1);
        Runner second = finisher(cid, "xlsx2", 2);
        nickname(first, "=HYPERLINK(\"x\")");
        claim(first.token(), cid, Map.of("name", "+1", "phone", "13812345678", "address", "北京市海淀区, \"东门\" 1号"))
                .then()
                .statusCode(200);

        Response export = given().auth()
                .oauth2(OperatorTokens.of("小王", "admin"))
                .get("/api/v1/admin/campaigns/" + cid + "/winners.xlsx");
        export.then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"winners-" + cid + ".xlsx\"");
        Sheet sheet = Spreadsheets.workbook(export.asByteArray());

        assertEquals(2, sheet.getLastRowNum(), "a header and two prize holders");
        Row row = sheet.getRow(1);
        assertEquals(1, row.getCell(0).getNumericCellValue());
        assertEquals(CellType.STRING, row.getCell(1).getCellType());
        assertEquals("=HYPERLINK(\"x\")", row.getCell(1).getStringCellValue(), "text, never a formula");
        assertEquals("+1", row.getCell(3).getStringCellValue());
        assertEquals(CellType.STRING, row.getCell(4).getCellType(), "the phone is text");
        assertEquals("13812345678", row.getCell(4).getStringCellValue());
        assertEquals("北京市海淀区, \"东门\" 1号", row.getCell(5).getStringCellValue());
        assertTrue(DateUtil.isCellDateFormatted(row.getCell(2)), "finished_at is a date cell");
        assertEquals("claimed", row.getCell(7).getStringCellValue());
        assertEquals("Asia/Shanghai", row.getCell(8).getStringCellValue());
        Map<String, Object> view = given().auth()
                .oauth2(second.token())
                .get("/api/v1/campaigns/" + cid + "/players/me")
                .jsonPath()
                .getMap("");
        assertEquals(
                Instant.parse((String) view.get("finishedAt"))
                        .atZone(ZoneId.of("Asia/Shanghai"))
                        .toLocalDateTime(),
                sheet.getRow(2).getCell(2).getLocalDateTimeCellValue(),
                "the finish time in the campaign's zone, to the millisecond");
        assertEquals("unclaimed", sheet.getRow(2).getCell(7).getStringCellValue());
        assertNull(sheet.getRow(2).getCell(4), "no contact for an unclaimed prize");

        exportAudited(cid, "小王", "rows=2, xlsx");
    }

    @Test
    void theConsoleShowsAnOperatorTheWinnersMaskedAViewerWithoutContactAndEachLookIsAudited() {
        String cid = created(liveCampaign());
        Runner winner = finisher(cid, "seen", 1);
        claim(winner.token(), cid, Map.of("name", "张三丰", "phone", "13812345678", "address", "北京市海淀区中关村大街1号"))
                .then()
                .statusCode(200);
        String winners = "/api/v1/admin/campaigns/" + cid + "/winners";

        given().auth()
                .oauth2(OperatorTokens.of("v-ann", "viewer"))
                .get(winners)
                .then()
                .statusCode(200)
                .body("winners[0].status", org.hamcrest.Matchers.equalTo("CLAIMED"))
                .body("winners[0].name", org.hamcrest.Matchers.nullValue())
                .body("winners[0].phone", org.hamcrest.Matchers.nullValue())
                .body("winners[0].address", org.hamcrest.Matchers.nullValue());
        given().auth()
                .oauth2(OperatorTokens.of("o-bob", "operator"))
                .get(winners)
                .then()
                .statusCode(200)
                .body("winners[0].rank", org.hamcrest.Matchers.equalTo(1))
                .body("winners[0].shareCode", org.hamcrest.Matchers.equalTo(winner.shareCode()))
                .body("winners[0].status", org.hamcrest.Matchers.equalTo("CLAIMED"))
                .body("winners[0].name", org.hamcrest.Matchers.equalTo("张**"))
                .body("winners[0].phone", org.hamcrest.Matchers.equalTo("138****5678"));
        given().auth()
                .oauth2(OperatorTokens.of("v-ann", "viewer"))
                .get(winners + ".csv")
                .then()
                .statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("FORBIDDEN"));

        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/audit?limit=50")
                .then()
                .body(
                        "entries.findAll { it.action == 'claims.view' && it.target == '" + cid + "' }.operator",
                        org.hamcrest.Matchers.contains("o-bob"))
                .body(
                        "entries.find { it.action == 'claims.view' && it.target == '" + cid + "' }.detail",
                        org.hamcrest.Matchers.equalTo("rows=1"));
    }

    /** The latest export of the campaign in the audit log names the operator and the detail. */
    private static ValidatableResponse exportAudited(String cid, String operator, String detail) {
        String entry = "entries.find { it.action == 'winners.export' && it.target == '" + cid + "' }";
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/admin/audit?limit=20")
                .then()
                .statusCode(200)
                .body(entry + ".operator", org.hamcrest.Matchers.equalTo(operator))
                .body(entry + ".detail", org.hamcrest.Matchers.equalTo(detail));
    }

    private static void nickname(Runner runner, String nickname) {
        given().auth()
                .oauth2(runner.token())
                .contentType("application/json")
                .body(Map.of("nickname", nickname))
                .patch("/api/v1/me")
                .then()
                .statusCode(200);
    }

    /** rank, nickname, name, phone, address, status. */
    private static List<String> pick(List<String> row) {
        return List.of(row.get(0), row.get(1), row.get(3), row.get(4), row.get(5), row.get(7));
    }
}
