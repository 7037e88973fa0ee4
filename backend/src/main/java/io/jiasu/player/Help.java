package io.jiasu.player;

import java.time.Instant;
import java.util.List;

/**
 * One friend's help as stored on the player: who, when, the launch scene and opaque group when known, and the risk
 * marks ({@link RiskMarks}). Its position in the list is its number.
 */
record Help(
        String userId, Instant at, Integer scene, String group, Integer rank, List<String> signals, String heldId) {}
