package io.jiasu.prize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The winners as an Excel workbook (Apache POI, streaming SXSSF): every cell typed, so a phone is a text cell, a time
 * a date cell in the campaign's zone, a rank a number. Text cells are never formulas in a workbook, so nothing is
 * guarded or altered: the cells hold exactly what the winners typed. Blocking file I/O: call it off the event loop.
 */
final class WinnersXlsx {
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> HEADER =
            List.of("rank", "nickname", "finished_at", "name", "phone", "address", "claimed_at", "status", "time_zone");
    /** Rows kept in memory while writing; older ones go to a temporary file. */
    private static final int WINDOW = 100;

    private WinnersXlsx() {}

    static byte[] write(List<WinnerRow> rows, ZoneId zone) {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try (book;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.setCompressTempFiles(true);
            Sheet sheet = book.createSheet("winners");
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            sheet.createFreezePane(0, 1);
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            int at = 1;
            for (WinnerRow winner : rows) {
                PrizeHolder holder = winner.holder();
                PersonalData contact = winner.contact();
                Row row = sheet.createRow(at++);
                row.createCell(0).setCellValue(holder.rank());
                text(row, 1, holder.nickname(), text);
                time(row, 2, holder.finishedAt(), zone, time);
                text(row, 3, contact == null ? null : contact.name(), text);
                text(row, 4, contact == null ? null : contact.phone(), text);
                text(row, 5, contact == null ? null : contact.address(), text);
                time(row, 6, holder.claimedAt(), zone, time);
                text(row, 7, holder.status().name().toLowerCase(Locale.ROOT), text);
                text(row, 8, zone.getId(), text);
            }
            int[] widths = {6, 20, 20, 12, 14, 50, 20, 14, 16};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column);
            cell.setCellStyle(style);
            cell.setCellValue(value);
        }
    }

    private static void time(Row row, int column, Instant instant, ZoneId zone, CellStyle style) {
        if (instant != null) {
            var cell = row.createCell(column);
            cell.setCellStyle(style);
            cell.setCellValue(instant.atZone(zone).toLocalDateTime());
        }
    }
}
