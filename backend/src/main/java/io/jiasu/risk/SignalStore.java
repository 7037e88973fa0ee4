package io.jiasu.risk;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The risk signals kept in Redis, all derived and all allowed to be lost: each helper's WeChat risk rank (cached with
 * a TTL, asked again when gone) and the helpers each player received from one network in the current window. The
 * help reads both in its one Redis flush ({@link Probe}): this class builds those commands and reads their answers.
 */
@ApplicationScoped
class SignalStore {
    private static final String RANK = "jiasu:risk:rank:";
    private static final String NETWORK = "jiasu:risk:helpers:";
    /**
     * KEYS[1] the helpers of one player from one network; ARGV: the helper, the window (ms). Adds the helper and answers
     * how many helpers the window holds, this one included; the window starts with the first. A set, not a counter: a
     * retried or replayed request of the same helper is the same helper, and the command can be sent again safely.
     */
    private static final String COUNT_IN_WINDOW = """
            local added = redis.call('sadd', KEYS[1], ARGV[1])
            local helpers = redis.call('scard', KEYS[1])
            if added == 1 and helpers == 1 then redis.call('pexpire', KEYS[1], ARGV[2]) end
            return helpers
            """;

    private final ReactiveValueCommands<String, String> values;
    private final RedisDeadline deadline;

    SignalStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.values = redis.value(String.class);
        this.deadline = deadline;
    }

    /** The command that reads the helper's cached WeChat risk rank. */
    Request rankQuery(String userId) {
        return Request.cmd(Command.GET).arg(RANK + userId);
    }

    /** The rank {@link #rankQuery} answered, or null when it is not known (never asked, expired or lost). */
    static Integer rank(Response answer) {
        return answer == null ? null : Integer.valueOf(answer.toString());
    }

    Uni<Void> keepRank(String userId, int rank, Duration ttl) {
        return deadline.bound(values.setex(RANK + userId, ttl.toSeconds(), String.valueOf(rank)));
    }

    /**
     * The command that counts this helper among the player's helpers from this network (an opaque digest of the /24 or
     * /64) in the window; it answers how many there are.
     */
    Request helperFromNetwork(String shareCode, String network, String helperId, Duration window) {
        return Request.cmd(Command.EVAL)
                .arg(COUNT_IN_WINDOW)
                .arg(1)
                .arg(NETWORK + shareCode + ":" + network)
                .arg(helperId)
                .arg(window.toMillis());
    }

    /** How many helpers {@link #helperFromNetwork} counted. */
    static long helpers(Response answer) {
        return answer.toLong();
    }
}
