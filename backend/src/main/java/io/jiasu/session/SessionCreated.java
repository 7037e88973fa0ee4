package io.jiasu.session;

import io.jiasu.user.UserView;
import java.time.Instant;

/** A new session: our opaque token, when it lapses if unused, and who it is. */
record SessionCreated(String token, Instant expiresAt, UserView user) {}
