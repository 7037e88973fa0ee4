package io.jiasu.admin;

import java.util.List;

/** GET /admin/campaigns/{cid}/leaderboard. */
public record AdminLeaderboard(List<AdminStanding> entries) {}
