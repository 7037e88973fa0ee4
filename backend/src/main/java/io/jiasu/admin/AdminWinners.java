package io.jiasu.admin;

import io.jiasu.prize.AdminWinner;
import java.util.List;

/** GET /admin/campaigns/{cid}/winners: prize holders in rank order with their claim status. */
public record AdminWinners(List<AdminWinner> winners) {}
