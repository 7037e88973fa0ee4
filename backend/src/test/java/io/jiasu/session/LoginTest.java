package io.jiasu.session;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.JiasuTestStack;
import io.jiasu.platform.RandomIds;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What one login costs, and a 9:00 crowd of them reaching Redis together. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class LoginTest {
    @Inject
    SessionStore store;

    /** The crowd the issue names: one instance, 256 logins in flight, their WeChat answers arriving together. */
    private static final int CROWD = 256;

    /** Well inside the 1 s every Redis command is given (REDIS_COMMAND_TIMEOUT). */
    private static final int REDIS_STILL_MILLIS = 300;

    private static final Duration SESSION_TTL = Duration.ofMinutes(5);
    private static final int RETURNING_LOGINS = 5;
    private static final Pattern USERS_COMMAND =
            Pattern.compile("^mongodb_driver_commands_seconds_count\\{(.*)} ([0-9.E]+)$", Pattern.MULTILINE);
    /** What opening a session may send (SETEX and EVAL side by side before); the app's other traffic is left out. */
    private static final Set<String> SESSION_COMMANDS =
            Set.of("eval", "evalsha", "set", "setex", "sadd", "expireat", "exec", "multi");

    private static final Pattern REDIS_COMMAND = Pattern.compile("^cmdstat_([a-z|]+):calls=(\\d+)", Pattern.MULTILINE);

    /**
     * A 9:00 crowd's logins reach Redis together, when their WeChat answers come back: 256 sessions opened at once
     * while Redis is held still for a moment (as a busy Redis would), so 32 wait on the pool's connections and the
     * rest in its queue. Each waits its turn and every session is there after; none is refused for a full queue.
     */
    @Test
    void aCrowdOfSessionsOpenedAtOnceWaitsForThePoolInsteadOfFailing() {
        Instant now = Instant.now();
        List<String> tokens = new ArrayList<>();
        List<Uni<String>> opens = new ArrayList<>();
        assertEquals("+OK", JiasuTestStack.redis().command("CLIENT PAUSE " + REDIS_STILL_MILLIS + " ALL"));
        for (int i = 0; i < CROWD; i++) {
            String token = RandomIds.token();
            tokens.add(token);
            opens.add(store.open(token, "crowd-" + i, SESSION_TTL, now.plus(SESSION_TTL))
                    .map(ignored -> "opened")
                    .onFailure()
                    .recoverWithItem(e -> e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        List<String> outcomes = Uni.join().all(opens).andFailFast().await().atMost(Duration.ofSeconds(30));
        assertEquals(
                List.of(),
                outcomes.stream().filter(outcome -> !outcome.equals("opened")).toList(),
                "no session refused");
        for (int i = 0; i < CROWD; i++) {
            SessionStore.Live live = store.touch(SessionStore.digest(tokens.get(i)), SESSION_TTL, now)
                    .await()
                    .atMost(Duration.ofSeconds(5));
            assertEquals("crowd-" + i, live.userId());
        }
    }

    @Test
    void aReturningUsersLoginIsOneMongoDbCommandAndOneRedisCommand() {
        String code = unique("returning");
        login(code);
        Map<String, Long> mongoBefore = userCommands();
        Map<String, Long> redisBefore = redisCommands();
        for (int i = 0; i < RETURNING_LOGINS; i++) {
            login(code);
        }
        assertEquals(
                Map.of("findAndModify", (long) RETURNING_LOGINS),
                grown(mongoBefore, userCommands()),
                "MongoDB commands on users");
        // INFO commandstats counts a script's own calls too: the app sent one EVAL per login, each ran these three
        long n = RETURNING_LOGINS;
        Map<String, Long> sessionCommands = new TreeMap<>(grown(redisBefore, redisCommands()));
        sessionCommands.keySet().retainAll(SESSION_COMMANDS);
        assertEquals(Map.of("eval", n, "set", n, "sadd", n, "expireat", n), sessionCommands, "Redis commands");
    }

    /** MongoDB commands on the users collection so far, by name, from the driver's metrics. */
    private static Map<String, Long> userCommands() {
        Map<String, Long> counts = new TreeMap<>();
        Matcher line = USERS_COMMAND.matcher(given().get("/q/metrics").asString());
        while (line.find()) {
            String tags = line.group(1);
            if (tags.contains("collection=\"users\"")) {
                String command = tags.replaceAll(".*command=\"([^\"]+)\".*", "$1");
                counts.merge(command, (long) Double.parseDouble(line.group(2)), Long::sum);
            }
        }
        return counts;
    }

    /** Redis commands so far, by name, from INFO commandstats. */
    private static Map<String, Long> redisCommands() {
        Map<String, Long> counts = new TreeMap<>();
        Matcher line = REDIS_COMMAND.matcher(JiasuTestStack.redis().bulk("INFO commandstats"));
        while (line.find()) {
            if (!line.group(1).equals("info")) {
                counts.put(line.group(1), Long.parseLong(line.group(2)));
            }
        }
        return counts;
    }

    private static Map<String, Long> grown(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> grown = new TreeMap<>();
        after.forEach((name, count) -> {
            long more = count - before.getOrDefault(name, 0L);
            if (more != 0) {
                grown.put(name, more);
            }
        });
        return grown;
    }
}
