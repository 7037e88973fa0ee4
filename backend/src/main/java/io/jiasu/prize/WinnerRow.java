package io.jiasu.prize;

/** One prize holder with everything an export needs; {@code contact} is null when there is nothing to ship. */
record WinnerRow(PrizeHolder holder, PersonalData contact) {

    AdminWinner masked() {
        PersonalData shown = contact == null ? null : contact.masked();
        return new AdminWinner(
                holder,
                shown == null ? null : shown.name(),
                shown == null ? null : shown.phone(),
                shown == null ? null : shown.address());
    }
}
