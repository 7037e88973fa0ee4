package io.jiasu.session;

import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.JiasuTestStack;
import io.jiasu.Parallel;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What one login costs, and a 9:00 crowd of them waiting on WeChat together. */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class LoginTest {
    /** The crowd the issue names: one instance, 256 logins in flight, WeChat answering each after 100 ms. */
    private static final int CROWD = 256;

    private static final Duration WECHAT_LATENCY = Duration.ofMillis(100);
    private static final int RETURNING_LOGINS = 5;
    private static final Pattern USERS_COMMAND =
            Pattern.compile("^mongodb_driver_commands_seconds_count\\{(.*)} ([0-9.E]+)$", Pattern.MULTILINE);
    private static final Pattern REDIS_COMMAND = Pattern.compile("^cmdstat_([a-z|]+):calls=(\\d+)", Pattern.MULTILINE);

    @Test
    void aCrowdOfLoginsWhoseWeChatAnswersArriveTogetherAllSignIn() {
        List<Callable<String>> logins = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            String code = unique("crowd" + i);
            logins.add(() -> {
                var answer = given().contentType(ContentType.JSON)
                        .body(Map.of("code", code))
                        .post("/api/v1/session");
                return answer.statusCode() == 201 ? answer.path("token") : "HTTP " + answer.statusCode();
            });
        }
        JiasuTestStack.wechat().delay("/sns/jscode2session", WECHAT_LATENCY);
        List<String> answers;
        try {
            answers = Parallel.run(CROWD, logins);
        } finally {
            JiasuTestStack.wechat().delay("/sns/jscode2session", Duration.ZERO);
        }
        List<String> refused =
                answers.stream().filter(answer -> answer.startsWith("HTTP ")).toList();
        assertEquals(List.of(), refused, "every login of the crowd is a 201, none a pool 503");
        Set<String> users = new HashSet<>();
        for (String token : answers) {
            users.add(given().auth()
                    .oauth2(token)
                    .get("/api/v1/me")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("id"));
        }
        assertEquals(CROWD, users.size(), "each token is its own user's session");
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
        assertEquals(
                Map.of("eval", (long) RETURNING_LOGINS),
                grown(redisBefore, redisCommands()),
                "Redis commands (INFO itself aside)");
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
