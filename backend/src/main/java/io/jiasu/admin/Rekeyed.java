package io.jiasu.admin;

/** POST /admin/claims/rekey: how many claims were re-sealed under the current key. */
public record Rekeyed(long resealed) {}
