package io.jiasu.admin;

import io.jiasu.prize.AdminWinner;
import java.util.List;

/** GET /admin/campaigns/{cid}/winners: prize holders in rank order with their claim status. */
public record AdminWinners(List<AdminWinner> winners) {
    /** For a viewer: the holders and their claim status, no contact at all (not even masked). */
    static AdminWinners withoutContact(List<AdminWinner> winners) {
        return new AdminWinners(winners.stream()
                .map(winner -> new AdminWinner(winner.holder(), null, null, null))
                .toList());
    }
}
