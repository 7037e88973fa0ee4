package io.jiasu.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Cells of the CSV exports operators open in a spreadsheet (Excel, WPS, LibreOffice): RFC 4180 quoting with CRLF
 * records, a formula guard, free text that stays text, and times a spreadsheet reads as times.
 *
 * <p>A spreadsheet guesses a type for every unquoted-looking cell: {@code 13812345678} becomes the number
 * {@code 1.38E+10}, {@code 007} becomes 7, {@code 3-4} a date, {@code true} a boolean. A text cell a spreadsheet would
 * take for a number, date, time or boolean therefore ends with a tab, which no spreadsheet reads as part of a number:
 * the cell stays text, shows the same, and a program reading the file strips it as whitespace. A cell starting with
 * {@code = + - @} (or their full-width forms), tab or CR gets a leading {@code '} so it is shown, never run. Times are
 * {@code yyyy-MM-dd HH:mm:ss} in the campaign's zone (the export names the zone), which spreadsheets read as a date
 * and time; ISO 8601 with an offset they keep as text.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    /** The byte order mark that makes Excel read the file as UTF-8 (the Chinese right). */
    public static final String BOM = "\uFEFF";

    /** What a spreadsheet may read as the start of a formula, the full-width forms a CJK keyboard types included. */
    private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";
    /** Text a spreadsheet would read as a number, percentage, currency, fraction, date (12月3日 too), time or boolean. */
    private static final Pattern READ_AS_VALUE =
            Pattern.compile("(?i)true|false|[\\s0-9.,:/%()+\\-e$¥￥€年月日时分秒]*[0-9][\\s0-9.,:/%()+\\-e$¥￥€年月日时分秒]*");

    private static final String STAYS_TEXT = "\t";
    private static final DateTimeFormatter SPREADSHEET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Csv() {}

    /** One record: the cells (each already made by {@link #text}, {@link #time} or {@link #plain}) and CRLF. */
    public static String record(String... cells) {
        return String.join(",", cells) + "\r\n";
    }

    /** Text from people (nicknames, names, phones, addresses): guarded, kept as text, quoted where needed. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String guarded = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quoted(READ_AS_VALUE.matcher(guarded).matches() ? guarded + STAYS_TEXT : guarded);
    }

    /** A value the server made (a number, a status, a share code): quoted where needed, nothing else. */
    public static String plain(Object value) {
        return value == null ? "" : quoted(value.toString());
    }

    /** A time a spreadsheet reads as a date and time, in the given zone, to the second; empty for none. */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : SPREADSHEET_TIME.format(instant.atZone(zone));
    }

    private static String quoted(String text) {
        boolean needsQuotes = text.indexOf('"') >= 0
                || text.indexOf(',') >= 0
                || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0
                || text.indexOf('\t') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
