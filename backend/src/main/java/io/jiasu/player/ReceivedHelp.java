package io.jiasu.player;

import java.time.Instant;
import java.util.List;

/**
 * One counted help as operators review it: its number and what it added, the helper's user id, when, the launch
 * scene, the opaque group, and the risk marks stored with it.
 */
public record ReceivedHelp(
        int n,
        int amount,
        String helperId,
        Instant at,
        Integer scene,
        String group,
        Integer rank,
        List<String> signals,
        String heldId) {}
