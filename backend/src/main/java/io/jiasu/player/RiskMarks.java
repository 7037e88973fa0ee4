package io.jiasu.player;

import java.util.List;

/**
 * What the risk check found on a help, stored with it: WeChat's rank of the helper (null when unknown), the signal
 * names, and the held help it was approved from (null for a help counted at once).
 */
public record RiskMarks(Integer rank, List<String> signals, String heldId) {
    public static final RiskMarks NONE = new RiskMarks(null, List.of(), null);
}
