package nl.signaalpoort.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Splits the values of an {@code IN (...)} list into chunks: PostgreSQL takes at most 32,767 bind
 * parameters per statement, and a municipality's batch may be larger than that.
 */
final class InLists {

    static final int CHUNK = 1_000;

    private InLists() {
    }

    static <T> void forEachChunk(List<T> values, Consumer<List<T>> action) {
        for (int from = 0; from < values.size(); from += CHUNK) {
            action.accept(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
    }
}
