package io.jiasu.admin;

import java.time.Instant;
import org.bson.Document;

/** One admin action: who, from where, what on which target, how it ended, and a detail (never personal data). */
public record AuditEntry(
        Instant at, String operator, String address, String action, String target, String outcome, String detail) {
    static AuditEntry from(Document doc) {
        return new AuditEntry(
                doc.getDate("at").toInstant(),
                doc.getString("operator"),
                doc.getString("address"),
                doc.getString("action"),
                doc.getString("target"),
                doc.getString("outcome"),
                doc.getString("detail"));
    }
}
