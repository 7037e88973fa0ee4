package io.jiasu.admin;

import java.util.List;

/** GET /admin/whoami: the signed-in operator's name and roles, lowest first. */
public record Whoami(String name, List<String> roles) {}
