package io.jiasu.media;

import io.jiasu.platform.ApiException;

/** An upload that is not a JPEG or PNG by its content. */
final class UnsupportedImage extends ApiException {
    UnsupportedImage() {
        super(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "Send a JPEG or PNG image.");
    }
}
