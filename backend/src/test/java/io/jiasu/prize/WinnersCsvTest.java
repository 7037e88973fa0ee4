package io.jiasu.prize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.Rfc4180;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WinnersCsvTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FINISHED = Instant.parse("2026-12-26T04:00:00Z");

    @Test
    void formulasAreDefusedAndEveryCellSurvivesARoundTrip() {
        String address = "北京市海淀区" + "中".repeat(114);
        List<WinnerRow> rows = List.of(
                row(1, "=cmd|' /C calc'!A0", new PersonalData("+1", "13812345678", "@SUM(A1)")),
                row(2, "\tTabbed", new PersonalData("-2+3", "13912345678", "line one\nline \"two\", with comma")),
                row(3, "🚀火箭\r", new PersonalData("李\"四\"", "15012345678", address)));

        String csv = WinnersCsv.write(rows, SHANGHAI);

        assertTrue(csv.startsWith("\uFEFFrank,nickname,finished_at,name,phone,address,claimed_at,status\r\n"));
        List<List<String>> parsed = Rfc4180.parse(csv.substring(1));
        assertEquals(4, parsed.size());
        assertEquals(
                List.of(
                        "1",
                        "'=cmd|' /C calc'!A0",
                        "2026-12-26T12:00:00+08:00",
                        "'+1",
                        "13812345678",
                        "'@SUM(A1)",
                        "",
                        "claimed"),
                parsed.get(1));
        assertEquals(
                List.of(
                        "2",
                        "'\tTabbed",
                        "2026-12-26T12:00:00+08:00",
                        "'-2+3",
                        "13912345678",
                        "line one\nline \"two\", with comma",
                        "",
                        "claimed"),
                parsed.get(2));
        assertEquals("🚀火箭\r", parsed.get(3).get(1));
        assertEquals("李\"四\"", parsed.get(3).get(3));
        assertEquals(address, parsed.get(3).get(5));
        assertEquals(120, address.codePointCount(0, address.length()));
    }

    @Test
    void aLeadingCarriageReturnIsDefusedToo() {
        assertEquals("\"'\r=1\"", WinnersCsv.cell("\r=1"));
        assertEquals("", WinnersCsv.cell(null));
        assertEquals("plain", WinnersCsv.cell("plain"));
    }

    @Test
    void aFullWidthFormulaSignIsDefusedToo() {
        for (String start : new String[] {"＝1+1", "＋1", "－1", "＠SUM(A1)"}) {
            assertEquals("'" + start, WinnersCsv.cell(start));
        }
    }

    private static WinnerRow row(int rank, String nickname, PersonalData contact) {
        return new WinnerRow(
                new PrizeHolder(rank, "code" + rank, nickname, null, FINISHED, WinnerStatus.CLAIMED, null), contact);
    }
}
