package io.jiasu.boost;

import io.jiasu.platform.ApiException;

/** A player tried to help themselves. */
final class SelfBoost extends ApiException {
    SelfBoost() {
        super(403, "SELF_BOOST", "Self boost", "You cannot help yourself; share with a friend instead.");
    }
}
