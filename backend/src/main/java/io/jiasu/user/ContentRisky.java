package io.jiasu.user;

import io.jiasu.platform.ApiException;

/** WeChat content security refused text the user wrote. */
public final class ContentRisky extends ApiException {
    public ContentRisky() {
        super(422, "CONTENT_RISKY", "Content refused", "WeChat content security refused this text.");
    }
}
