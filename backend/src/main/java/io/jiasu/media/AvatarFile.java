package io.jiasu.media;

/** A stored avatar as served: the bytes, their type and their hash (the strong ETag). */
record AvatarFile(String name, String sha256, String contentType, byte[] bytes) {}
