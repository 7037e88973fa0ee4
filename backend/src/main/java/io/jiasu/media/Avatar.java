package io.jiasu.media;

/** An avatar this server issued: its content-addressed name ({@code <sha256 hex>.<ext>}) and the URL users show. */
public record Avatar(String name, String url) {}
