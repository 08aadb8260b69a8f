package nl.signaalpoort.intake.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import nl.signaalpoort.intake.Receipt;

/**
 * Stores a batch file's chunks one after another on a thread of its own, so the file's thread can
 * read and prepare the next chunk meanwhile (the store is mostly waiting for the database). Chunks
 * are stored in file order, at most one ahead of the receipts handed back, and each still in a
 * transaction of its own. Once a chunk fails no later chunk is stored, and closing waits for the
 * chunk under way: nothing of the file is written after its processing has ended.
 *
 * @param <C> a chunk as the file's thread knows it (its rows, for the receipt)
 */
final class ChunkStore<C> implements AutoCloseable {

    /** Takes a stored chunk with its receipts, on the file's thread, in file order. */
    @FunctionalInterface
    interface Consumer<C> {
        void accept(C chunk, List<Receipt> receipts) throws IOException;
    }

    private final ExecutorService thread;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private C pendingChunk;
    private Future<List<Receipt>> pending;

    ChunkStore(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code storing} for this chunk, then hands the chunk before it, once stored, to {@code done}. */
    void submit(C chunk, Supplier<List<Receipt>> storing, Consumer<C> done) {
        Future<List<Receipt>> next = thread.submit(() -> {
            if (stopped.get()) {
                throw new CancellationException("an earlier chunk of this file was not stored");
            }
            try {
                return storing.get();
            } catch (RuntimeException | Error e) {
                stopped.set(true);
                throw e;
            }
        });
        try {
            finish(done);
        } catch (IOException e) {
            stopped.set(true);
            throw new UncheckedIOException(e);
        } finally {
            pendingChunk = chunk;
            pending = next;
        }
    }

    /** Waits for the last chunk queued and hands it to {@code done}. */
    void finish(Consumer<C> done) throws IOException {
        if (pending == null) {
            return;
        }
        Future<List<Receipt>> stored = pending;
        C chunk = pendingChunk;
        pending = null;
        pendingChunk = null;
        done.accept(chunk, await(stored));
    }

    private List<Receipt> await(Future<List<Receipt>> stored) {
        try {
            return stored.get();
        } catch (InterruptedException e) {
            stopped.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a chunk of the file was being stored", e);
        } catch (ExecutionException e) {
            stopped.set(true);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** No further chunk starts; the one under way, if any, is waited for. */
    @Override
    public void close() {
        stopped.set(true);
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                // A chunk's transaction is bounded by the database's own timeouts; keep waiting.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
