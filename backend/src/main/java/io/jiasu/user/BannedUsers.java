package io.jiasu.user;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The users every instance refuses, held in memory so checking a request costs nothing. Refreshed from MongoDB every
 * second: a ban or unban made on another instance takes effect here within that second. A refresh that overlapped a
 * change made on this instance is dropped (the next one reads it), so a fresh ban never blinks out.
 */
@ApplicationScoped
public class BannedUsers {
    private static final Logger LOG = Logger.getLogger(BannedUsers.class);

    private final BanStore store;
    private volatile Set<String> ids = Set.of();
    private final AtomicLong changes = new AtomicLong();

    BannedUsers(BanStore store) {
        this.store = store;
    }

    void load(@Observes StartupEvent start) {
        refresh().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${jiasu.bans.refresh-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        long seen = changes.get();
        return store.userIds()
                .invoke(loaded -> replace(loaded, seen))
                .onFailure()
                .invoke(e -> LOG.warnf("could not refresh the banned users, keeping the last list: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    public boolean contains(String userId) {
        return ids.contains(userId);
    }

    synchronized void add(String userId) {
        changes.incrementAndGet();
        Set<String> next = new HashSet<>(ids);
        next.add(userId);
        ids = Set.copyOf(next);
    }

    synchronized void remove(String userId) {
        changes.incrementAndGet();
        Set<String> next = new HashSet<>(ids);
        next.remove(userId);
        ids = Set.copyOf(next);
    }

    private synchronized void replace(Set<String> loaded, long seen) {
        if (changes.get() == seen) {
            ids = loaded;
        }
    }
}
