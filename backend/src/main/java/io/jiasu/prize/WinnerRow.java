package io.jiasu.prize;

import java.time.Instant;

/** One prize holder with everything an export needs; {@code contact} is null when there is nothing to ship. */
record WinnerRow(
        int rank,
        String shareCode,
        String nickname,
        String avatarUrl,
        Instant finishedAt,
        WinnerStatus status,
        PersonalData contact,
        Instant claimedAt) {

    AdminWinner masked() {
        PersonalData shown = contact == null ? null : contact.masked();
        return new AdminWinner(
                rank,
                shareCode,
                nickname,
                avatarUrl,
                finishedAt,
                status,
                shown == null ? null : shown.name(),
                shown == null ? null : shown.phone(),
                shown == null ? null : shown.address(),
                claimedAt);
    }
}
