package io.jiasu.player;

import static io.jiasu.Fixtures.created;
import static io.jiasu.Fixtures.join;
import static io.jiasu.Fixtures.liveCampaign;
import static io.jiasu.Fixtures.login;
import static io.jiasu.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jiasu.JiasuTestStack;
import io.jiasu.campaign.CampaignService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Readers waiting on one load of a campaign or of a share code's owner: the first client hangs up while the load is
 * under way (its Uni cancelled, as when a connection closes), and every other reader still gets the answer. With the
 * Quarkus cache these loads lived in before, the hang-up cancelled the shared load and failed the others.
 */
@QuarkusTest
@WithTestResource(value = JiasuTestStack.class, scope = TestResourceScope.GLOBAL)
class SharedLoadTest {
    private static final int READERS = 16;

    @Inject
    CampaignService campaigns;

    @Inject
    PlayerService players;

    @Test
    void aReaderHangingUpWhileACampaignLoadsFailsNoOtherReader() throws InterruptedException {
        String cid = created(liveCampaign()); // defining it dropped any snapshot: the first reader loads it
        List<Object> answers = readConcurrently(() -> campaigns.published(cid).map(campaign -> campaign.id()));
        assertEquals(READERS - 1, answers.size());
        answers.forEach(answer -> assertEquals(cid, answer));
    }

    @Test
    void aReaderHangingUpWhileAnOwnerLoadsFailsNoOtherReader() throws InterruptedException {
        String cid = created(liveCampaign());
        String owner = login(unique("owner"));
        String code = join(owner, cid);
        String ownerId = players.ownerOf(cid, code).await().indefinitely();
        String other = join(login(unique("other")), cid); // an owner nobody asked for yet

        List<Object> answers = readConcurrently(() -> players.ownerOf(cid, other));

        assertEquals(READERS - 1, answers.size());
        answers.forEach(answer -> assertTrue(answer instanceof String && !answer.equals(ownerId), "" + answer));
        assertEquals(1, answers.stream().distinct().count(), "one owner for every reader");
    }

    /** Every reader's answer or failure, but the first reader's, who hung up at once. */
    private static List<Object> readConcurrently(Supplier<Uni<String>> read) throws InterruptedException {
        ConcurrentLinkedQueue<Object> answers = new ConcurrentLinkedQueue<>();
        CountDownLatch answered = new CountDownLatch(READERS - 1);
        List<Cancellable> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            readers.add(read.get().subscribe().with(answer -> {
                answers.add(answer);
                answered.countDown();
            }, failure -> {
                answers.add(failure);
                answered.countDown();
            }));
        }
        readers.get(0).cancel();
        assertTrue(answered.await(10, TimeUnit.SECONDS), "every other reader answered");
        return List.copyOf(answers);
    }
}
