package io.jiasu.risk;

import java.util.List;

/** GET .../review-queue: the campaign's policy, the helps waiting for a decision, the flagged players. */
public record ReviewQueue(Policy policy, List<HeldHelpView> held, List<FlaggedPlayer> flagged) {}
