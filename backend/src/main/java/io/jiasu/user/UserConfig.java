package io.jiasu.user;

import io.smallrye.config.ConfigMapping;

/** How a user's id is made from their openid. */
@ConfigMapping(prefix = "jiasu.user")
interface UserConfig {
    /** The HMAC key of user ids (USER_ID_KEY; unset: the app secret), the same on every instance. */
    String idKey();
}
