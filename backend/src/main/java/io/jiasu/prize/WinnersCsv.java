package io.jiasu.prize;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The winners export: UTF-8 with a BOM (so Excel reads the Chinese right), RFC 4180 quoting with CRLF, and a
 * formula guard: a cell starting with = + - @ (or their full-width forms ＝ ＋ － ＠), tab or CR gets a leading {@code '} so a spreadsheet shows it as text
 * instead of running it.
 */
final class WinnersCsv {
    /** What a spreadsheet may read as the start of a formula, the full-width forms a CJK keyboard types included. */
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final String BOM = "\uFEFF";
    private static final String HEADER = "rank,nickname,finished_at,name,phone,address,claimed_at,status";

    private WinnersCsv() {}

    static String write(List<WinnerRow> rows, ZoneId zone) {
        StringBuilder csv = new StringBuilder(BOM).append(HEADER).append("\r\n");
        for (WinnerRow row : rows) {
            PrizeHolder holder = row.holder();
            PersonalData contact = row.contact();
            line(
                    csv,
                    String.valueOf(holder.rank()),
                    holder.nickname(),
                    time(holder.finishedAt(), zone),
                    contact == null ? null : contact.name(),
                    contact == null ? null : contact.phone(),
                    contact == null ? null : contact.address(),
                    time(holder.claimedAt(), zone),
                    holder.status().name().toLowerCase(Locale.ROOT));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf('"') >= 0 || text.indexOf(',') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
