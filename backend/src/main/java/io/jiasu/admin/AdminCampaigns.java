package io.jiasu.admin;

import java.util.List;

/** GET /admin/campaigns. */
public record AdminCampaigns(List<AdminCampaignView> campaigns) {}
