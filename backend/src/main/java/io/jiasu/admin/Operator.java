package io.jiasu.admin;

/** Who did an admin action: the name the console was signed in with (self-declared) and the client address. */
record Operator(String name, String address) {}
