package io.jiasu.player;

import io.jiasu.platform.RedisDeadline;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/**
 * The Redis pub/sub channel on which every instance announces, in batches, which players and cards it changed, so
 * the others drop their snapshots of them ({@link PlayerSnapshots}). A batch is one message: lines naming what
 * changed, the first one the sending instance. It carries share codes, user ids, campaign ids and avatar names, never
 * a token, an openid or a session key.
 */
@ApplicationScoped
class ChangeStore {
    private static final String CHANNEL = "jiasu:player-changes";

    private final ReactivePubSubCommands<String> channel;
    private final RedisDeadline deadline;

    ChangeStore(ReactiveRedisDataSource redis, RedisDeadline deadline) {
        this.channel = redis.pubsub(String.class);
        this.deadline = deadline;
    }

    /** Tells every instance (this one too) about a batch of changes. */
    Uni<Void> announce(String batch) {
        return deadline.bound(channel.publish(CHANNEL, batch)).replaceWithVoid();
    }

    /**
     * Listens to every instance's batches; {@code ended} runs when the subscription ends or fails (batches may have
     * been missed from then on).
     */
    Uni<ReactivePubSubCommands.ReactiveRedisSubscriber> listen(Consumer<String> batches, Runnable ended) {
        return channel.subscribe(CHANNEL, batches, ended, failure -> ended.run());
    }
}
