package io.jiasu.media;

import io.jiasu.platform.ApiException;

/** An uploaded image file over the size limit. */
final class ImageTooLarge extends ApiException {
    ImageTooLarge(int maxBytes) {
        super(413, "PAYLOAD_TOO_LARGE", "Payload too large", "The image is over " + maxBytes / 1024 + " KiB.");
    }
}
