package io.jiasu.platform;

import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One Redis pub/sub subscription an in-process copy depends on (the session cache's revocations, the players'
 * snapshots' changes): subscribed by {@link #listen} (each attempt bounded to 5 s), known to be up while {@link
 * #listening}. Whenever it comes up or is lost, the owner's {@code reset} runs (messages may have been missed), and
 * while it is down the owner trusts its copy less. The owner calls {@link #keep} every second, so a lost channel comes
 * back by itself.
 */
public final class Subscription {
    private static final Logger LOG = Logger.getLogger(Subscription.class);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

    private final String channel;
    private final String whileDown;
    private final Function<Runnable, Uni<ReactivePubSubCommands.ReactiveRedisSubscriber>> subscribe;
    private final Runnable reset;
    private final AtomicBoolean subscribing = new AtomicBoolean();
    private volatile boolean listening;
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;

    /**
     * @param channel what the channel carries, for the log
     * @param whileDown what the owner does while it is down, for the log
     * @param subscribe subscribes, given what to run when the subscription ends or fails
     * @param reset drops what the owner kept: runs as the channel comes up (before it counts as listening) and as it
     *     is lost
     */
    public Subscription(
            String channel,
            String whileDown,
            Function<Runnable, Uni<ReactivePubSubCommands.ReactiveRedisSubscriber>> subscribe,
            Runnable reset) {
        this.channel = channel;
        this.whileDown = whileDown;
        this.subscribe = subscribe;
        this.reset = reset;
    }

    /** Subscribes unless listening already: what the owner's one-second check calls. */
    public Uni<Void> keep() {
        return listening ? Uni.createFrom().voidItem() : listen();
    }

    /** Subscribes; once subscribed, the owner's copy is reset and trusted. A failure is logged, never thrown. */
    public Uni<Void> listen() {
        if (listening || !subscribing.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return subscribe
                .apply(this::lost)
                .ifNoItem()
                .after(SUBSCRIBE_TIMEOUT)
                .fail()
                .invoke(subscribed -> {
                    subscriber = subscribed;
                    reset.run();
                    listening = true;
                })
                .onFailure()
                .invoke(e -> LOG.warnf("%s: cannot subscribe, %s: %s", channel, whileDown, e))
                .onFailure()
                .recoverWithNull()
                .eventually(() -> subscribing.set(false))
                .replaceWithVoid();
    }

    /** True while messages arrive. */
    public boolean listening() {
        return listening;
    }

    /** Stops listening (the app stops). */
    public Uni<Void> stop() {
        listening = false;
        ReactivePubSubCommands.ReactiveRedisSubscriber current = subscriber;
        subscriber = null;
        return current == null
                ? Uni.createFrom().voidItem()
                : current.unsubscribe().onFailure().recoverWithNull();
    }

    private void lost() {
        if (listening) {
            LOG.warnf("%s: the channel was lost, %s until it is back", channel, whileDown);
        }
        listening = false;
        reset.run();
    }
}
