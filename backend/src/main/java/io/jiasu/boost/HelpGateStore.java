package io.jiasu.boost;

import io.jiasu.platform.RedisDeadline;
import io.jiasu.platform.Sha256;
import io.jiasu.risk.Probe;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Redis side of a help, in one round trip: one script call for the Idempotency-Key's claim and the helper's daily
 * slot, and in the same flush (a pipeline) the commands of the risk check (the helper's cached rank, the player's
 * helpers from the caller's network: {@link io.jiasu.risk.Probe}). Under a Redis Cluster those commands' keys sit in
 * other slots than the helper's, and the client refuses a pipeline across slots: there they go beside the script, at
 * the same moment, each on its own.
 *
 * <p>Daily slots: the players a helper has helped per campaign day, a sorted set of share codes scored by when the
 * slot was reserved, so concurrent helps never exceed the limit. Answers: per Idempotency-Key, first claimed as
 * pending (a concurrent retry waits instead of running twice), then the JSON of the answer, for a day. Both keys carry
 * the helper's id as a hash tag, so the one script touches a single Redis Cluster slot; the answer's key is the
 * helper's tag and a SHA-256 of the scope (helper, campaign, share code, key), 75 bytes however long the path was.
 */
@ApplicationScoped
class HelpGateStore {
    static final String PENDING = "pending";
    private static final String DAILY = "jiasu:daily:{";
    private static final String ANSWER = "jiasu:idem:{";
    private static final int ANSWER_KEY_LENGTH = 75;
    private static final Duration KEEP_SLOTS = Duration.ofDays(2);
    private static final Duration PENDING_FOR = Duration.ofSeconds(30);
    private static final Duration REMEMBER_FOR = Duration.ofDays(1);
    /**
     * KEYS[1] the daily slots, KEYS[2] (only with an Idempotency-Key) the answer. ARGV: share code, limit, now (ms),
     * seconds to keep the slots, seconds a claim stays pending, 1 to reserve a slot or 0 to claim only.
     */
    private static final String ADMIT = """
            if KEYS[2] then
              local previous = redis.call('set', KEYS[2], 'pending', 'NX', 'GET', 'EX', ARGV[5])
              if previous then return {3, previous} end
            end
            if ARGV[6] == '0' then return {4} end
            if redis.call('zscore', KEYS[1], ARGV[1]) then return {1} end
            if redis.call('zcard', KEYS[1]) >= tonumber(ARGV[2]) then return {0} end
            redis.call('zadd', KEYS[1], ARGV[3], ARGV[1])
            redis.call('expire', KEYS[1], ARGV[4])
            return {2}
            """;

    private static final String ADMIT_SHA = Sha256.scriptSha(ADMIT);
    private static final Reservation[] RESERVATIONS = Reservation.values();

    private final ReactiveRedisDataSource redis;
    private final Redis client;
    private final ReactiveSortedSetCommands<String, String> sets;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final RedisDeadline deadline;
    private final boolean pipelined;

    HelpGateStore(
            ReactiveRedisDataSource redis,
            RedisDeadline deadline,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.redis = redis;
        this.client = redis.getRedis();
        this.deadline = deadline;
        this.pipelined = !"cluster".equalsIgnoreCase(clientType);
        this.sets = redis.sortedSet(String.class);
        this.values = redis.value(String.class);
        this.keys = redis.key();
    }

    /** The outcome of asking for a slot today. */
    enum Reservation {
        /** No slot left today. */
        FULL,
        /** This player already holds a slot (an earlier or concurrent request for the same friend). */
        HELD,
        /** A new slot was taken by this request; give it back if the help is refused. */
        TAKEN,
        /** No slot was asked for (the campaign is not live: the help is refused anyway). */
        NONE
    }

    /**
     * What the gate let through: {@code previous} is what an earlier request with the same Idempotency-Key left
     * (pending, or its answer; then no slot was looked at), else null and the reservation; {@code riders} the answers
     * to the risk check's commands, in the order of the {@code probe}'s (null for one that failed under a cluster).
     */
    record Admission(String previous, Reservation reservation, Probe probe, List<Response> riders) {}

    /**
     * Claims the Idempotency-Key's scope (when {@code scope} is not null) and, unless an earlier request holds it,
     * reserves a daily slot (when {@code reserve}), in one script; the probe's commands go in the same flush.
     */
    Uni<Admission> admit(
            String campaignId,
            String helperId,
            LocalDate day,
            String shareCode,
            int limit,
            Instant now,
            String scope,
            boolean reserve,
            Probe probe) {
        String[] args = scope == null
                ? new String[] {"1", dailyKey(campaignId, helperId, day)}
                : new String[] {"2", dailyKey(campaignId, helperId, day), answerKey(helperId, scope)};
        List<String> argv = List.of(
                shareCode,
                String.valueOf(limit),
                String.valueOf(now.toEpochMilli()),
                String.valueOf(KEEP_SLOTS.toSeconds()),
                String.valueOf(PENDING_FOR.toSeconds()),
                reserve ? "1" : "0");
        List<Request> riders = probe.commands();
        if (riders.isEmpty()) {
            return deadline.bound(run(args, argv)).map(answer -> admission(answer, probe, List.of()));
        }
        return deadline.bound(pipelined ? flush(args, argv, probe) : beside(args, argv, probe));
    }

    /**
     * The script last, after the riders, in one pipeline. When Redis has not seen the script (a restart) the whole
     * pipeline is sent again with it: the riders are a read and a set's add, the same when run twice, and the script
     * did not run.
     */
    private Uni<Admission> flush(String[] keysPart, List<String> argv, Probe probe) {
        List<Request> riders = probe.commands();
        return client.batch(pipeline(riders, Command.EVALSHA, ADMIT_SHA, keysPart, argv))
                .onFailure(HelpGateStore::noScript)
                .recoverWithUni(() -> client.batch(pipeline(riders, Command.EVAL, ADMIT, keysPart, argv)))
                .map(answers -> admission(
                        answers.get(riders.size()), probe, new ArrayList<>(answers.subList(0, riders.size()))));
    }

    /** Under a cluster: the script and each rider at once, each on its own; a failed rider is an unknown signal. */
    private Uni<Admission> beside(String[] keysPart, List<String> argv, Probe probe) {
        List<Uni<Response>> sent = new ArrayList<>(probe.commands().size());
        for (Request rider : probe.commands()) {
            sent.add(client.send(rider).onFailure().recoverWithNull());
        }
        Uni<List<Response>> answers = Uni.join().all(sent).andCollectFailures();
        return Uni.combine()
                .all()
                .unis(run(keysPart, argv), answers)
                .with((answer, riders) -> admission(answer, probe, riders));
    }

    private static List<Request> pipeline(
            List<Request> riders, Command eval, String script, String[] keysPart, List<String> argv) {
        Request gate = Request.cmd(eval).arg(script);
        for (String key : keysPart) {
            gate.arg(key);
        }
        for (String arg : argv) {
            gate.arg(arg);
        }
        List<Request> all = new ArrayList<>(riders.size() + 1);
        all.addAll(riders);
        all.add(gate);
        return all;
    }

    /** Redis has not seen the script: {@code NOSCRIPT ...}, in a pipeline {@code ERR [n] NOSCRIPT ...}. */
    private static boolean noScript(Throwable e) {
        return String.valueOf(e.getMessage()).contains("NOSCRIPT");
    }

    /** Gives a slot back: its help was refused or failed. */
    Uni<Void> release(String campaignId, String helperId, LocalDate day, String shareCode) {
        return deadline.bound(
                sets.zrem(dailyKey(campaignId, helperId, day), shareCode).replaceWithVoid());
    }

    /** Share codes reserved before {@code cutoff}: old enough that their help has either been recorded or was lost. */
    Uni<List<String>> reservedBefore(String campaignId, String helperId, LocalDate day, Instant cutoff) {
        return deadline.bound(sets.zrangebyscore(
                dailyKey(campaignId, helperId, day),
                new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) cutoff.toEpochMilli())));
    }

    /** What the scope's key holds now: pending, the answer, or null when the claim lapsed. */
    Uni<String> read(String helperId, String scope) {
        return deadline.bound(values.get(answerKey(helperId, scope)));
    }

    Uni<Void> remember(String helperId, String scope, String answer) {
        return deadline.bound(values.setex(answerKey(helperId, scope), REMEMBER_FOR.toSeconds(), answer));
    }

    /** Drops the claim after a failure worth retrying (an outage), so the retry runs for real. */
    Uni<Void> forget(String helperId, String scope) {
        return deadline.bound(keys.del(answerKey(helperId, scope)).replaceWithVoid());
    }

    /** EVALSHA, loading the script with EVAL the first time a Redis (or a restarted one) has not seen it. */
    private Uni<Response> run(String[] keysPart, List<String> argv) {
        return redis.execute(Command.EVALSHA, withScript(ADMIT_SHA, keysPart, argv))
                .onFailure(HelpGateStore::noScript)
                .recoverWithUni(() -> redis.execute(Command.EVAL, withScript(ADMIT, keysPart, argv)));
    }

    private static String[] withScript(String script, String[] keysPart, List<String> argv) {
        String[] all = new String[1 + keysPart.length + argv.size()];
        all[0] = script;
        System.arraycopy(keysPart, 0, all, 1, keysPart.length);
        for (int i = 0; i < argv.size(); i++) {
            all[1 + keysPart.length + i] = argv.get(i);
        }
        return all;
    }

    private static Admission admission(Response answer, Probe probe, List<Response> riders) {
        int outcome = answer.get(0).toInteger();
        return switch (outcome) {
            case 3 -> new Admission(answer.get(1).toString(), Reservation.NONE, probe, riders);
            case 4 -> new Admission(null, Reservation.NONE, probe, riders);
            default -> new Admission(null, RESERVATIONS[outcome], probe, riders);
        };
    }

    private static String dailyKey(String campaignId, String helperId, LocalDate day) {
        return DAILY + helperId + "}:" + campaignId + ":" + day;
    }

    /** The helper's tag and as much of the scope's SHA-256 as fits in a fixed length. */
    private static String answerKey(String helperId, String scope) {
        String tagged = ANSWER + helperId + "}";
        String hash = Sha256.hex(scope);
        return tagged + hash.substring(0, Math.max(32, Math.min(hash.length(), ANSWER_KEY_LENGTH - tagged.length())));
    }
}
