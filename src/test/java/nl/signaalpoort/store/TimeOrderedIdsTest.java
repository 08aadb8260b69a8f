package nl.signaalpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsVersionSevenAndCarriesTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsMadeOneAfterAnotherSortAsTheyWereMadeBytewiseAsTheDatabaseCompares() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(TimeOrderedIds.next().toString());
        }

        // Many fall in the same millisecond: the random part counts up within it.
        assertThat(made).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void idsMadeOnSeveralThreadsAtOnceAreAllDistinct() throws Exception {
        Set<UUID> all = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(threads.submit(() -> {
                    Set<UUID> mine = new HashSet<>();
                    for (int i = 0; i < 10_000; i++) {
                        mine.add(TimeOrderedIds.next());
                    }
                    all.addAll(mine);
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(all).hasSize(40_000);
    }
}
