package io.jiasu.admin;

import io.jiasu.platform.Csv;
import io.jiasu.player.Participant;
import io.jiasu.prize.AdminWinner;
import io.jiasu.user.UserView;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * The participants export's records: UTF-8 with a BOM, one record per player, cells written by {@link Csv}. The
 * contact columns (a prize holder's name, phone, address) exist only in an admin's export.
 */
final class ParticipantsCsv {
    private static final String HEADER = "share_code,nickname,progress,goal,helpers,invited_by,depth,scene,joined_at,"
            + "finished_at,prize_rank,banned,risky_helps,risk_signals";
    private static final String CONTACT = ",name,phone,address";

    private ParticipantsCsv() {}

    static String header(boolean contact) {
        return Csv.BOM + HEADER + (contact ? CONTACT : "") + ",time_zone\r\n";
    }

    /** One player; {@code winner} is the prize holder's full contact in an admin's export, else null. */
    static String record(
            Participant player,
            UserView card,
            int goal,
            boolean banned,
            ZoneId zone,
            boolean contact,
            AdminWinner winner) {
        String signals = player.riskSignals().entrySet().stream()
                .map(signal -> signal.getKey() + ":" + signal.getValue())
                .collect(Collectors.joining(" "));
        String common = String.join(
                ",",
                Csv.plain(player.shareCode()),
                Csv.text(card == null ? null : card.nickname()),
                Csv.plain(player.progress()),
                Csv.plain(goal),
                Csv.plain(player.helpers()),
                Csv.plain(player.invitedBy()),
                Csv.plain(player.depth()),
                Csv.plain(player.scene()),
                Csv.time(player.joinedAt(), zone),
                Csv.time(player.finishedAt(), zone),
                Csv.plain(player.prizeRank()),
                Csv.plain(banned),
                Csv.plain(player.riskyHelps()),
                Csv.plain(signals));
        if (!contact) {
            return Csv.record(common, Csv.plain(zone.getId()));
        }
        return Csv.record(
                common,
                Csv.text(winner == null ? null : winner.name()),
                Csv.text(winner == null ? null : winner.phone()),
                Csv.text(winner == null ? null : winner.address()),
                Csv.plain(zone.getId()));
    }
}
