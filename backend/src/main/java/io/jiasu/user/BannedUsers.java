package io.jiasu.user;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The users every instance refuses, held in memory so checking a request costs nothing. Refreshed from MongoDB every
 * second (a ban made on another instance takes effect here within that second); bans are never lifted, so a refresh
 * only ever adds.
 */
@ApplicationScoped
public class BannedUsers {
    private static final Logger LOG = Logger.getLogger(BannedUsers.class);

    private final BanStore store;
    private volatile Set<String> ids = Set.of();

    BannedUsers(BanStore store) {
        this.store = store;
    }

    void load(@Observes StartupEvent start) {
        refresh().await().atMost(Duration.ofSeconds(30));
    }

    @Scheduled(every = "${jiasu.bans.refresh-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return store.userIds()
                .invoke(this::addAll)
                .onFailure()
                .invoke(e -> LOG.warnf("could not refresh the banned users, keeping the last list: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    public boolean contains(String userId) {
        return ids.contains(userId);
    }

    void add(String userId) {
        addAll(Set.of(userId));
    }

    private synchronized void addAll(Set<String> more) {
        if (!ids.containsAll(more)) {
            Set<String> next = new HashSet<>(ids);
            next.addAll(more);
            ids = Set.copyOf(next);
        }
    }
}
