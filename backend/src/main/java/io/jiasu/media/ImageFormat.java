package io.jiasu.media;

/** The two image formats an avatar may be uploaded and stored in, recognised by their first bytes. */
enum ImageFormat {
    JPEG("jpg", "image/jpeg", "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("png", "image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    final String extension;
    final String contentType;
    final String imageIoName;
    private final byte[] magic;

    ImageFormat(String extension, String contentType, String imageIoName, byte[] magic) {
        this.extension = extension;
        this.contentType = contentType;
        this.imageIoName = imageIoName;
        this.magic = magic;
    }

    /** The format these bytes are in, or null when they are neither JPEG nor PNG (whatever the file was called). */
    static ImageFormat sniff(byte[] data) {
        for (ImageFormat format : values()) {
            if (startsWith(data, format.magic)) {
                return format;
            }
        }
        return null;
    }

    static ImageFormat ofExtension(String extension) {
        for (ImageFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
