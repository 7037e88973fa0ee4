package io.jiasu.session;

import io.jiasu.platform.RedisDeadline;
import io.jiasu.platform.Sha256;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.GetExArgs;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sessions in Redis: the SHA-256 of a token maps to its user and the moment it ends for good ({@code userId
 * deadline}), with a sliding expiry below that; each user's session keys are listed in a set so all of them can be
 * ended at once. Every ending is also announced on a pub/sub channel ({@link Revocation}), so the instances' session
 * caches drop it at once; the channel carries digests and user ids, never a token.
 */
@ApplicationScoped
class SessionStore {
    private static final String KEY = "jiasu:session:";
    private static final String USER_SESSIONS = "jiasu:sessions:";
    private static final String REVOCATIONS = "jiasu:session-revocations";
    /** Adds a session to its user's list and makes the list end with the session: one command, one key. */
    private static final String LIST_ADD =
            "redis.call('SADD', KEYS[1], ARGV[1]);" + " return redis.call('EXPIREAT', KEYS[1], ARGV[2])";
    /** A new session, and its user's list as {@link #LIST_ADD} keeps it: one command where both keys may meet. */
    private static final String OPEN = "redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]);"
            + " redis.call('SADD', KEYS[2], KEYS[1]);"
            + " return redis.call('EXPIREAT', KEYS[2], ARGV[3])";

    private final ReactiveRedisDataSource redis;

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;
    private final ReactivePubSubCommands<String> channel;
    private final RedisDeadline deadline;
    /** False on a Redis Cluster, where the session and its user's list live in different slots. */
    private final boolean oneScript;

    SessionStore(
            ReactiveRedisDataSource redis,
            RedisDeadline deadline,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.deadline = deadline;
        this.oneScript = !"cluster".equalsIgnoreCase(clientType);
        this.redis = redis;
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key();
        this.channel = redis.pubsub(String.class);
    }

    /** A live session as Redis holds it: its user and the epoch second it ends for good (Long.MAX_VALUE: never). */
    record Live(String userId, long endsAt) {}

    /** What a revocation names: one session (by the digest of its token) or every session of a user. */
    record Revocation(String digest, String userId) {
        private static final String ONE = "t ";
        private static final String ALL = "u ";

        String message() {
            return digest != null ? ONE + digest : ALL + userId;
        }

        /** The revocation a message names, or null for a message this version does not know. */
        static Revocation of(String message) {
            if (message.startsWith(ONE)) {
                return new Revocation(message.substring(ONE.length()), null);
            }
            if (message.startsWith(ALL)) {
                return new Revocation(null, message.substring(ALL.length()));
            }
            return null;
        }
    }

    /**
     * A new session of {@code userId}, sliding by {@code ttl} and ending for good at {@code endsAt}, listed with its
     * user's sessions. One script, one round trip and one pooled connection per login (a 9:00 crowd's logins reach
     * Redis together); on a Redis Cluster, where the two keys sit in different slots, two commands side by side.
     */
    Uni<Void> open(String token, String userId, Duration ttl, Instant endsAt) {
        String key = digestKey(token);
        String list = USER_SESSIONS + userId;
        String value = userId + " " + endsAt.getEpochSecond();
        String end = Long.toString(endsAt.getEpochSecond());
        if (oneScript) {
            return deadline.bound(redis.execute(
                            Command.EVAL, OPEN, "2", key, list, value, Long.toString(ttl.toSeconds()), end))
                    .replaceWithVoid();
        }
        return deadline.bound(Uni.combine()
                .all()
                .unis(
                        values.setex(key, ttl.toSeconds(), value),
                        redis.execute(Command.EVAL, LIST_ADD, "1", list, key, end))
                .discardItems());
    }

    /**
     * The session of a live token, pushing its expiry out again; null when unknown, expired, past its absolute
     * lifetime or revoked. A value written before the lifetime existed (a bare user id) has no deadline.
     */
    Uni<Live> touch(String digest, Duration ttl, Instant now) {
        String key = KEY + digest;
        return deadline.bound(values.getex(key, new GetExArgs().ex(ttl))).flatMap(value -> {
            if (value == null) {
                return Uni.createFrom().nullItem();
            }
            int space = value.indexOf(' ');
            if (space < 0) {
                return Uni.createFrom().item(new Live(value, Long.MAX_VALUE));
            }
            long endsAt = Long.parseLong(value.substring(space + 1));
            if (now.getEpochSecond() >= endsAt) {
                return deadline.bound(keys.del(key)).replaceWith((Live) null);
            }
            return Uni.createFrom().item(new Live(value.substring(0, space), endsAt));
        });
    }

    /** Ends one session, then tells every instance. */
    Uni<Void> close(String digest) {
        return deadline.bound(keys.del(KEY + digest))
                .call(() -> announce(new Revocation(digest, null)))
                .replaceWithVoid();
    }

    /**
     * Ends every session of the user: each key on its own (a Redis Cluster spreads them over slots), then the list,
     * then tells every instance.
     */
    Uni<Void> closeAll(String userId) {
        String list = USER_SESSIONS + userId;
        return deadline.bound(sets.smembers(list))
                .onItem()
                .transformToMulti(members -> Multi.createFrom().iterable(members))
                .onItem()
                .transformToUniAndConcatenate(key -> deadline.bound(keys.del(key)))
                .collect()
                .last()
                .flatMap(ignored -> deadline.bound(keys.del(list)))
                .call(() -> announce(new Revocation(null, userId)))
                .replaceWithVoid();
    }

    /**
     * Listens to every instance's revocations; {@code ended} runs when the subscription ends or fails (messages
     * may have been missed from then on).
     */
    Uni<ReactivePubSubCommands.ReactiveRedisSubscriber> listen(Consumer<Revocation> revoked, Runnable ended) {
        return channel.subscribe(
                REVOCATIONS,
                message -> {
                    Revocation revocation = Revocation.of(message);
                    if (revocation != null) {
                        revoked.accept(revocation);
                    }
                },
                ended,
                failure -> ended.run());
    }

    private Uni<Void> announce(Revocation revocation) {
        return deadline.bound(channel.publish(REVOCATIONS, revocation.message()));
    }

    /** The digest a token is stored and announced under: a Redis dump or the channel never hands out live tokens. */
    static String digest(String token) {
        return Sha256.hex(token);
    }

    private static String digestKey(String token) {
        return KEY + digest(token);
    }
}
