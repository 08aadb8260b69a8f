package nl.signaalpoort.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The one way the gateway puts a file where someone else reads it (a partner's outbox, the receipt
 * archive): written under a temporary {@code .part-} name in the same folder, then renamed in one
 * step, so a reader never sees half a file and a crash leaves at most a temporary one behind. The
 * SFTP and file routes of Camel do the same with their {@code tempPrefix}.
 */
public final class AtomicFiles {

    /** The prefix of files still being written; readers and pollers skip names starting with it. */
    public static final String TEMPORARY_PREFIX = ".part-";

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} whole, replacing any file of that name. The temporary name is unique, so
     * two writers of the same file (two nodes during a change of leader) never write into one.
     */
    public static Path write(Path target, Content content) throws IOException {
        Path folder = Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(folder, TEMPORARY_PREFIX, "-" + target.getFileName());
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Removes files named {@code prefix}... under {@code root} unchanged for {@code olderThan}: what a
     * crash left half-written. Returns how many.
     */
    public static int sweep(Path root, String prefix, Duration olderThan) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(olderThan));
        int[] removed = {0};
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(prefix) && Files.isRegularFile(file)
                        && Files.getLastModifiedTime(file).compareTo(cutoff) < 0 && Files.deleteIfExists(file)) {
                    removed[0]++;
                }
            }
        }
        return removed[0];
    }

    /** Copies {@code source} to {@code target} the same way. */
    public static Path copy(Path source, Path target) throws IOException {
        return write(target, out -> Files.copy(source, out));
    }
}
