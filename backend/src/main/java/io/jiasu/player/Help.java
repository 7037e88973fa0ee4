package io.jiasu.player;

import java.time.Instant;

/** One friend's help as stored on the player: who, and when. Its position in the list is its number. */
record Help(String userId, Instant at) {}
