package io.jiasu.boost;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.help;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.stats;
import static io.jiasu.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jiasu.JiasuTestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The help's one Redis flush, the gate's script sent after the risk check's commands: a Redis that lost its scripts
 * (a restart) gets the whole flush again with the script, and the help still takes one slot and counts its helper once.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class HelpFlushTest {
    @Test
    void aRedisThatForgotTheGateScriptHelpsOnceAndCountsTheHelperOnce() {
        String cid = created(liveCampaign());
        String code = join(login(unique("p")), cid);
        String helper = login(unique("h"));
        assertEquals("+OK", JiasuTestStack.redis().command("SCRIPT FLUSH"));

        help(helper, cid, code).then().statusCode(201);
        help(helper, cid, code).then().statusCode(409);

        assertEquals(1, stats(cid).jsonPath().getInt("boosts"));
        assertEquals(":1", countOf("SCARD", "jiasu:risk:helpers:" + code + ":*"), "the helper, once, in their network");
        assertEquals(":1", countOf("ZCARD", "jiasu:daily:*" + cid + "*"), "one daily slot");
    }

    /** SCARD or ZCARD of the one key matching the pattern. */
    private static String countOf(String command, String pattern) {
        return JiasuTestStack.redis()
                .command(
                        "EVAL \"local keys = redis.call('KEYS', '" + pattern + "') if #keys ~= 1 then return -#keys end"
                                + " return redis.call('" + command + "', keys[1])\" 0");
    }
}
