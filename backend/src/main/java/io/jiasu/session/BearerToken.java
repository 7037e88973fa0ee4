package io.jiasu.session;

/** Reads the token out of an {@code Authorization: Bearer ...} header. */
final class BearerToken {
    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    /** The token, or null when the header is absent or not a bearer token. */
    static String of(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = header.substring(SCHEME.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
