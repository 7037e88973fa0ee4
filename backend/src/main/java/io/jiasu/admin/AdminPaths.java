package io.jiasu.admin;

/** The admin API's paths: the only ones on which operators' tokens and the admin token mean anything. */
final class AdminPaths {
    static final String PREFIX = "/api/v1/admin/";

    private AdminPaths() {}

    static boolean covers(String path) {
        return path != null && path.startsWith(PREFIX);
    }
}
