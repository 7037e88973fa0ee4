package io.jiasu.platform;

/** One field that failed semantic validation, as listed in a VALIDATION_FAILED problem. */
public record FieldError(String field, String message) {}
