package io.jiasu.player;

/**
 * A checked origin, as stored: the inviter's share code (null for a seed player), the depth in the share tree, the
 * launch scene and the opaque group id (null when unknown).
 */
record Arrival(String invitedBy, int depth, Integer scene, String group) {}
