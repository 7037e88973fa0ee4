package io.jiasu.media;

import io.jiasu.platform.ApiException;

/** An upload identical to an image WeChat's media check has already refused. */
final class ImageRisky extends ApiException {
    ImageRisky() {
        super(422, "CONTENT_RISKY", "Content refused", "WeChat content security refused this image.");
    }
}
