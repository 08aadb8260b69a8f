package nl.signaalpoort.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import nl.signaalpoort.intake.Receipt;
import org.junit.jupiter.api.Test;

class ChunkStoreTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void chunksAreStoredOnTheStoreThreadAndHandedBackInFileOrder() throws Exception {
        try (ChunkStore<Integer> store = new ChunkStore<>("store-under-test")) {
            for (int chunk = 0; chunk < 5; chunk++) {
                store.submit(chunk, storing(chunk), this::done);
            }
            store.finish(this::done);
        }
        assertThat(events).filteredOn(e -> e.startsWith("stored")).containsExactly(
                "stored 0 on store-under-test", "stored 1 on store-under-test", "stored 2 on store-under-test",
                "stored 3 on store-under-test", "stored 4 on store-under-test");
        assertThat(events).filteredOn(e -> e.startsWith("done")).containsExactly("done 0", "done 1", "done 2", "done 3", "done 4");
        // A chunk is handed back only after it was stored.
        for (int chunk = 0; chunk < 5; chunk++) {
            assertThat(events.indexOf("stored " + chunk + " on store-under-test")).isLessThan(events.indexOf("done " + chunk));
        }
    }

    @Test
    void theFileThreadGoesOnWhileAChunkIsStored() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ChunkStore<Integer> store = new ChunkStore<>("store-under-test")) {
            store.submit(0, () -> {
                events.add("storing 0");
                awaitQuietly(release);
                return receipts(0);
            }, this::done);
            // Back here while chunk 0 is still being stored: the next one can be read and prepared.
            await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("storing 0"));
            assertThat(events).doesNotContain("done 0");
            events.add("preparing 1");
            release.countDown();
            store.submit(1, storing(1), this::done);
            store.finish(this::done);
        }
        assertThat(events).containsSubsequence("storing 0", "preparing 1", "done 0", "done 1");
    }

    @Test
    void afterAChunkFailsNoLaterChunkIsStored() {
        ChunkStore<Integer> store = new ChunkStore<>("store-under-test");
        store.submit(0, storing(0), this::done);
        store.submit(1, () -> {
            throw new IllegalStateException("database gone");
        }, this::done);
        assertThatThrownBy(() -> store.submit(2, storing(2), this::done)).isInstanceOf(IllegalStateException.class)
                .hasMessage("database gone");
        store.close();
        assertThat(events).containsExactly("stored 0 on store-under-test", "done 0");
    }

    @Test
    void closingWaitsForTheChunkUnderWay() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ChunkStore<Integer> store = new ChunkStore<>("store-under-test");
        store.submit(0, () -> {
            events.add("storing 0");
            awaitQuietly(release);
            events.add("stored 0");
            return receipts(0);
        }, this::done);
        await().atMost(Duration.ofSeconds(5)).until(() -> events.contains("storing 0"));
        Thread closer = new Thread(() -> {
            store.close();
            events.add("closed");
        });
        closer.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
        assertThat(events).doesNotContain("closed");
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(events).containsExactly("storing 0", "stored 0", "closed");
    }

    private Supplier<List<Receipt>> storing(int chunk) {
        return () -> {
            events.add("stored " + chunk + " on " + Thread.currentThread().getName());
            return receipts(chunk);
        };
    }

    private void done(Integer chunk, List<Receipt> receipts) {
        assertThat(receipts).singleElement().extracting(Receipt::reference).isEqualTo("R-" + chunk);
        events.add("done " + chunk);
    }

    private static List<Receipt> receipts(int chunk) {
        return List.of(Receipt.accepted("R-" + chunk, UUID.randomUUID(), false));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
