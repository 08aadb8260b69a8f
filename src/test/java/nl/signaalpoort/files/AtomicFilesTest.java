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
        assertThat(dir.resolve(AtomicFiles.TEMPORARY_PREFIX + "b.csv")).doesNotExist();
    }

    @Test
    void copiesTheSameWay() throws Exception {
        Path source = Files.writeString(dir.resolve("s"), "receipt");
        AtomicFiles.copy(source, dir.resolve("t").resolve("r.csv"));
        assertThat(dir.resolve("t").resolve("r.csv")).hasContent("receipt");
    }
}
