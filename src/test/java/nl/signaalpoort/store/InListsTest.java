package nl.signaalpoort.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListsTest {

    @Test
    void splitsIntoChunksThatCoverEveryValueOnce() {
        List<Integer> values = IntStream.range(0, 2_501).boxed().toList();
        List<List<Integer>> chunks = new ArrayList<>();

        InLists.forEachChunk(values, chunks::add);

        assertThat(chunks).extracting(List::size).containsExactly(1_000, 1_000, 501);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(values);
    }

    @Test
    void doesNothingForNoValues() {
        List<List<Integer>> chunks = new ArrayList<>();
        InLists.forEachChunk(List.<Integer>of(), chunks::add);
        assertThat(chunks).isEmpty();
    }
}
