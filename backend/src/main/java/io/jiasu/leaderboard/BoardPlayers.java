package io.jiasu.leaderboard;

import io.jiasu.campaign.Campaign;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/** What a board needs to know about players; answered by the player feature, which owns their record. */
public interface BoardPlayers {
    /** Where every player of the campaign stands now, banned users left out: what a lost board is rebuilt from. */
    Uni<List<Standing>> standings(Campaign campaign);

    /** Where each player helped since {@code since} stands now, banned users left out (an indexed read). */
    Uni<List<Standing>> standingsSince(Campaign campaign, Instant since);

    /** Board rows for these share codes, in the same order; players of banned users are left out. */
    Uni<List<Ranked>> rows(Campaign campaign, List<String> shareCodes);
}
