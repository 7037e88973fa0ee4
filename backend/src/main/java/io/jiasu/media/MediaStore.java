package io.jiasu.media;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.jiasu.platform.MongoErrors;
import io.jiasu.wechat.MediaVerdict;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The {@code avatars} collection, one document per image keyed by its content-addressed name with the bytes inside,
 * and {@code media_events}, WeChat's verdicts keyed by trace id. Avatars are at most 256 × 256 (tens of KB), far below
 * MongoDB's 16 MB document limit, so a plain document beats GridFS: one atomic insert whose duplicate key means "we
 * have it already" (no orphaned chunks), one read to serve it, and the check state on the same document.
 */
@ApplicationScoped
class MediaStore {
    private static final String AVATARS = "avatars";
    private static final String EVENTS = "media_events";
    private static final String CHECK_SENDING = "sending";
    private static final String CHECK_SENT = "sent";
    private static final String CHECK_FAILED = "failed";
    private static final String VERDICT_RISKY = "risky";

    private final ReactiveMongoCollection<Document> avatars;
    private final ReactiveMongoCollection<Document> events;

    MediaStore(ReactiveMongoDatabase db) {
        this.avatars = db.getCollection(AVATARS);
        this.events = db.getCollection(EVENTS);
    }

    /**
     * Stores an avatar unless its name is already there; true when this call stored it. The media check it needs is
     * recorded as being sent until {@code sendBy}, after which the retry sweep takes it over.
     */
    Uni<Boolean> insert(AvatarFile file, String userId, PendingCheck check, Instant now, Instant sendBy) {
        Document doc = new Document("_id", file.name())
                .append("sha256", file.sha256())
                .append("contentType", file.contentType())
                .append("bytes", new Binary(file.bytes()))
                .append("size", file.bytes().length)
                .append("uploadedBy", userId)
                .append("createdAt", Date.from(now))
                .append(
                        "check",
                        new Document("state", CHECK_SENDING)
                                .append("url", check.url())
                                .append("openid", check.openid())
                                .append("attempts", 0)
                                .append("due", Date.from(sendBy)));
        return avatars.insertOne(doc)
                .map(inserted -> true)
                .onFailure(MongoErrors::isDuplicateKey)
                .recoverWithItem(false);
    }

    /** The avatar of this name to serve, or null when unknown or refused. */
    Uni<AvatarFile> servable(String name) {
        return avatars.find(Filters.and(Filters.eq("_id", name), Filters.ne("verdict", VERDICT_RISKY)))
                .toUni()
                .map(doc -> doc == null
                        ? null
                        : new AvatarFile(
                                name,
                                doc.getString("sha256"),
                                doc.getString("contentType"),
                                doc.get("bytes", Binary.class).getData()));
    }

    /** True when an avatar of this name was stored and has not been refused. */
    Uni<Boolean> isServable(String name) {
        return avatars.find(
                        Filters.and(Filters.eq("_id", name), Filters.ne("verdict", VERDICT_RISKY)),
                        new FindOptions().projection(Projections.include("_id")))
                .toUni()
                .map(doc -> doc != null);
    }

    Uni<Boolean> isRefused(String name) {
        return avatars.find(
                        Filters.and(Filters.eq("_id", name), Filters.eq("verdict", VERDICT_RISKY)),
                        new FindOptions().projection(Projections.include("_id")))
                .toUni()
                .map(doc -> doc != null);
    }

    /** WeChat accepted the check: its trace id is how the verdict will find this avatar. */
    Uni<Void> checkSent(String name, String traceId) {
        return avatars.updateOne(
                        Filters.eq("_id", name),
                        Updates.combine(
                                Updates.set("check.state", CHECK_SENT),
                                Updates.addToSet("check.traceIds", traceId),
                                Updates.unset("check.openid"),
                                Updates.unset("check.due")))
                .replaceWithVoid();
    }

    /** The check could not be sent; the sweep tries again from {@code retryAt}, or never once attempts run out. */
    Uni<Void> checkFailed(String name, int attempts, Instant retryAt, boolean giveUp) {
        return avatars.updateOne(
                        Filters.eq("_id", name),
                        Updates.combine(
                                Updates.set("check.state", CHECK_FAILED),
                                Updates.set("check.attempts", attempts),
                                giveUp ? Updates.unset("check.due") : Updates.set("check.due", Date.from(retryAt))))
                .replaceWithVoid();
    }

    /**
     * Takes one check that is due (failed, or whose sender vanished) for this instance until {@code leaseUntil}: one
     * atomic update, so two instances never send the same one at once. Null when none is due.
     */
    Uni<PendingCheck> claimDueCheck(Instant now, Instant leaseUntil) {
        return avatars.findOneAndUpdate(
                        Filters.and(
                                Filters.in("check.state", CHECK_SENDING, CHECK_FAILED),
                                Filters.lte("check.due", Date.from(now))),
                        Updates.combine(
                                Updates.set("check.state", CHECK_SENDING),
                                Updates.set("check.due", Date.from(leaseUntil))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .map(doc -> {
                    if (doc == null) {
                        return null;
                    }
                    Document check = doc.get("check", Document.class);
                    return new PendingCheck(
                            doc.getString("_id"),
                            check.getString("url"),
                            check.getString("openid"),
                            check.getInteger("attempts", 0) + 1);
                });
    }

    /** The avatar a check's trace id belongs to, or null when none (yet). */
    Uni<String> avatarOfTrace(String traceId) {
        return avatars.find(
                        Filters.eq("check.traceIds", traceId), new FindOptions().projection(Projections.include("_id")))
                .toUni()
                .map(doc -> doc == null ? null : doc.getString("_id"));
    }

    /** Writes WeChat's verdict on the avatar; a refusal is final, a later pass never undoes it. */
    Uni<Void> judge(String name, MediaVerdict verdict, Instant at) {
        String state = verdict.risky() ? VERDICT_RISKY : verdict.suggest();
        return avatars.updateOne(
                        Filters.and(Filters.eq("_id", name), Filters.ne("verdict", VERDICT_RISKY)),
                        Updates.combine(Updates.set("verdict", state), Updates.set("judgedAt", Date.from(at))))
                .replaceWithVoid();
    }

    /** Keeps a verdict for operators; WeChat repeating a push replaces the same event. */
    Uni<Void> recordEvent(MediaVerdict verdict, String avatar, Instant at) {
        Document doc = new Document("_id", verdict.traceId())
                .append("avatar", avatar)
                .append("suggest", verdict.suggest())
                .append("label", verdict.label())
                .append("risky", verdict.risky())
                .append("receivedAt", Date.from(at));
        return events.replaceOne(Filters.eq("_id", verdict.traceId()), doc, new ReplaceOptions().upsert(true))
                .replaceWithVoid();
    }

    /** A verdict that arrived before the check's trace id was written on its avatar, or null. */
    Uni<MediaVerdict> unmatchedVerdict(String traceId) {
        return events.find(Filters.and(Filters.eq("_id", traceId), Filters.eq("avatar", null)))
                .toUni()
                .map(doc -> doc == null
                        ? null
                        : new MediaVerdict(
                                traceId,
                                doc.getString("suggest"),
                                doc.getString("label"),
                                Boolean.TRUE.equals(doc.getBoolean("risky"))));
    }

    Uni<List<MediaEvent>> recentEvents(int limit) {
        return events.find(
                        new FindOptions().sort(Sorts.descending("receivedAt")).limit(limit))
                .map(MediaEvent::from)
                .collect()
                .asList();
    }
}
