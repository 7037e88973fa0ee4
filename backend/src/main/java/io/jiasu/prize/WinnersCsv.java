package io.jiasu.prize;

import io.jiasu.platform.Csv;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The winners CSV: UTF-8 with a BOM, one record per prize holder in rank order, every cell written by {@link Csv}
 * (formula guard, phones and other number-like text kept as text, times a spreadsheet reads as times), the campaign's
 * time zone in the last column.
 */
final class WinnersCsv {
    static final String MEDIA_TYPE = Csv.MEDIA_TYPE;
    private static final String HEADER = "rank,nickname,finished_at,name,phone,address,claimed_at,status,time_zone";

    private WinnersCsv() {}

    static String write(List<WinnerRow> rows, ZoneId zone) {
        StringBuilder csv = new StringBuilder(Csv.BOM).append(HEADER).append("\r\n");
        for (WinnerRow row : rows) {
            PrizeHolder holder = row.holder();
            PersonalData contact = row.contact();
            csv.append(Csv.record(
                    Csv.plain(holder.rank()),
                    Csv.text(holder.nickname()),
                    Csv.time(holder.finishedAt(), zone),
                    Csv.text(contact == null ? null : contact.name()),
                    Csv.text(contact == null ? null : contact.phone()),
                    Csv.text(contact == null ? null : contact.address()),
                    Csv.time(holder.claimedAt(), zone),
                    Csv.plain(holder.status().name().toLowerCase(Locale.ROOT)),
                    Csv.plain(zone.getId())));
        }
        return csv.toString();
    }
}
