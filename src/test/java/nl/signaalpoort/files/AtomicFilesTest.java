package nl.signaalpoort.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesWholeAndReplacesLeavingNoTemporaryFile() throws Exception {
        Path target = dir.resolve("outbox").resolve("a.csv");
        AtomicFiles.write(target, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("two");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailedWriteLeavesNeitherTheFileNorAHalfOne() {
        Path target = dir.resolve("b.csv");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk gone");
        })).hasMessage("disk gone");

        assertThat(target).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void twoWritersOfOneFileNeverWriteIntoEachOther() throws Exception {
        Path target = dir.resolve("feedback.csv");
        String a = "a".repeat(200_000);
        String b = "b".repeat(100_000);
        java.util.concurrent.CountDownLatch bothOpen = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> AtomicFiles.write(target, out -> {
                meet(bothOpen);
                out.write(a.getBytes(StandardCharsets.UTF_8));
            }));
            var second = two.submit(() -> AtomicFiles.write(target, out -> {
                meet(bothOpen);
                out.write(b.getBytes(StandardCharsets.UTF_8));
            }));
            first.get();
            second.get();
        } finally {
            two.shutdownNow();
        }
        assertThat(Files.readString(target)).isIn(a, b);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    /** Both writers have their temporary file open before either writes. */
    private static void meet(java.util.concurrent.CountDownLatch latch) throws IOException {
        latch.countDown();
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
        }
    }

    @Test
    void theSweepRemovesTemporaryFilesACrashLeftAndNothingElse() throws Exception {
        Path outbox = Files.createDirectories(dir.resolve("homes").resolve("p").resolve("outbox"));
        Path stale = Files.writeString(outbox.resolve(AtomicFiles.TEMPORARY_PREFIX + "123-feedback.csv"), "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200)));
        Path fresh = Files.writeString(outbox.resolve(AtomicFiles.TEMPORARY_PREFIX + "456-receipt.csv"), "being written");
        Path old = Files.writeString(outbox.resolve("feedback-1-2.csv"), "whole");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7200)));

        assertThat(AtomicFiles.sweep(dir, AtomicFiles.TEMPORARY_PREFIX, java.time.Duration.ofHours(1))).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(old).exists();
        assertThat(AtomicFiles.sweep(dir.resolve("missing"), AtomicFiles.TEMPORARY_PREFIX, java.time.Duration.ofHours(1))).isZero();
    }

    @Test
    void copiesTheSameWay() throws Exception {
        Path source = Files.writeString(dir.resolve("s"), "receipt");
        AtomicFiles.copy(source, dir.resolve("t").resolve("r.csv"));
        assertThat(dir.resolve("t").resolve("r.csv")).hasContent("receipt");
    }
}
