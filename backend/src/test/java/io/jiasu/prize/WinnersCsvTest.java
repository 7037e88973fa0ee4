package io.jiasu.prize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.Rfc4180;
import io.jiasu.Spreadsheets;
import io.jiasu.platform.Csv;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

class WinnersCsvTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant FINISHED = Instant.parse("2026-12-26T04:00:00.789Z");
    private static final Instant CLAIMED = Instant.parse("2026-12-27T01:02:03Z");

    @Test
    void formulasAreDefusedAndEveryCellSurvivesARoundTrip() {
        String address = "北京市海淀区" + "中".repeat(114);
        List<WinnerRow> rows = List.of(
                row(1, "=cmd|' /C calc'!A0", new PersonalData("+1", "13812345678", "@SUM(A1)")),
                row(2, "\tTabbed", new PersonalData("-2+3", "13912345678", "line one\nline \"two\", with comma")),
                row(3, "🚀火箭\r", new PersonalData("李\"四\"", "15012345678", address)));

        String csv = WinnersCsv.write(rows, SHANGHAI);

        assertTrue(
                csv.startsWith("\uFEFFrank,nickname,finished_at,name,phone,address,claimed_at,status,time_zone\r\n"));
        List<List<String>> parsed = Rfc4180.parse(csv.substring(1));
        assertEquals(4, parsed.size());
        assertEquals(
                List.of(
                        "1",
                        "'=cmd|' /C calc'!A0",
                        "2026-12-26 12:00:00",
                        "'+1",
                        "13812345678\t",
                        "'@SUM(A1)",
                        "2026-12-27 09:02:03",
                        "claimed",
                        "Asia/Shanghai"),
                parsed.get(1));
        assertEquals(
                List.of(
                        "2",
                        "'\tTabbed",
                        "2026-12-26 12:00:00",
                        "'-2+3",
                        "13912345678\t",
                        "line one\nline \"two\", with comma",
                        "2026-12-27 09:02:03",
                        "claimed",
                        "Asia/Shanghai"),
                parsed.get(2));
        assertEquals("🚀火箭\r", parsed.get(3).get(1));
        assertEquals("李\"四\"", parsed.get(3).get(3));
        assertEquals(address, parsed.get(3).get(5));
        assertEquals(120, address.codePointCount(0, address.length()));
    }

    @Test
    void aLeadingCarriageReturnIsDefusedToo() {
        assertEquals("\"'\r=1\"", Csv.text("\r=1"));
        assertEquals("", Csv.text(null));
        assertEquals("plain", Csv.text("plain"));
    }

    @Test
    void aFullWidthFormulaSignIsDefusedToo() {
        for (String start : new String[] {"＝1+1", "＋1", "－1", "＠SUM(A1)"}) {
            assertEquals("'" + start, Csv.text(start));
        }
    }

    @Test
    void textASpreadsheetWouldTakeForANumberDateOrBooleanEndsWithATabAndOtherTextIsUntouched() {
        for (String looksLikeAValue :
                new String[] {"13812345678", "007", "3-4", "1/2", "12月3日", "TRUE", "1e5", "50%", "¥100", "12:30"}) {
            assertEquals("\"" + looksLikeAValue + "\t\"", Csv.text(looksLikeAValue), looksLikeAValue);
        }
        for (String text : new String[] {"小明", "Bob 2", "北京市海淀区中关村大街1号", "e", "true love"}) {
            assertEquals(text, Csv.text(text), text);
        }
    }

    /**
     * The file as an operator meets it: imported by a real spreadsheet (LibreOffice Calc with Excel's defaults), whose
     * cells are then read by Apache POI. Phones and number-like nicknames are text, times are dates, formulas are text.
     */
    @Test
    void aSpreadsheetReadsPhonesAsTextTimesAsTimesAndNoFormula() throws Exception {
        List<WinnerRow> rows = List.of(
                row(1, "007", new PersonalData("=1+1", "13812345678", "北京市海淀区中关村大街1号, \"东门\"")),
                row(2, "3-4", new PersonalData("＝HYPERLINK(\"x\")", "19912345678", "上海市浦东新区世纪大道100号")),
                new WinnerRow(new PrizeHolder(3, "code3", "TRUE", null, FINISHED, WinnerStatus.UNCLAIMED, null), null));
        String csv = WinnersCsv.write(rows, SHANGHAI);
        // What the same import makes of a bare phone, so this test knows its spreadsheet does convert numbers.
        String bare = csv + "4,x,,,13812345678,,,,\r\n";

        Sheet sheet = Spreadsheets.csvAsASpreadsheetReadsIt(bare.getBytes(StandardCharsets.UTF_8));

        assertEquals(CellType.NUMERIC, cell(sheet, 4, 4).getCellType(), "a bare phone becomes a number");
        for (int r = 1; r <= 2; r++) {
            Cell phone = cell(sheet, r, 4);
            assertEquals(CellType.STRING, phone.getCellType(), "phone of row " + r);
            assertEquals(
                    r == 1 ? "13812345678" : "19912345678",
                    phone.getStringCellValue().strip());
            Cell finished = cell(sheet, r, 2);
            assertEquals(CellType.NUMERIC, finished.getCellType(), "finished_at of row " + r);
            assertTrue(DateUtil.isCellDateFormatted(finished), "finished_at is formatted as a date");
            assertEquals(LocalDateTime.parse("2026-12-26T12:00:00"), finished.getLocalDateTimeCellValue());
            assertEquals(
                    LocalDateTime.parse("2026-12-27T09:02:03"),
                    cell(sheet, r, 6).getLocalDateTimeCellValue());
        }
        assertEquals("007", text(sheet, 1, 1));
        assertEquals("3-4", text(sheet, 2, 1));
        assertEquals("TRUE", text(sheet, 3, 1));
        assertEquals("'=1+1", text(sheet, 1, 3));
        assertEquals("'＝HYPERLINK(\"x\")", text(sheet, 2, 3));
        assertEquals("北京市海淀区中关村大街1号, \"东门\"", text(sheet, 1, 5));
        assertEquals(CellType.NUMERIC, cell(sheet, 1, 0).getCellType(), "rank stays a number");
        for (Row row : sheet) {
            for (Cell cell : row) {
                assertTrue(cell.getCellType() != CellType.FORMULA, "a formula at " + cell.getAddress());
            }
        }
    }

    private static Cell cell(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column);
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = cell(sheet, row, column);
        assertEquals(CellType.STRING, cell.getCellType(), cell.getAddress() + " is text");
        return cell.getStringCellValue().strip();
    }

    private static WinnerRow row(int rank, String nickname, PersonalData contact) {
        return new WinnerRow(
                new PrizeHolder(rank, "code" + rank, nickname, null, FINISHED, WinnerStatus.CLAIMED, CLAIMED), contact);
    }
}
