package io.jiasu.admin;

import java.util.List;

/** GET /admin/audit: the latest admin actions, newest first. */
public record AuditEntries(List<AuditEntry> entries) {}
