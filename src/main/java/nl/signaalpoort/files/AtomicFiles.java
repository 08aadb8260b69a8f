package nl.signaalpoort.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /** Writes {@code target} whole, replacing any file of that name. */
    public static Path write(Path target, Content content) throws IOException {
        Path folder = Files.createDirectories(target.toAbsolutePath().getParent());
        Path temporary = folder.resolve(TEMPORARY_PREFIX + target.getFileName());
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Copies {@code source} to {@code target} the same way. */
    public static Path copy(Path source, Path target) throws IOException {
        return write(target, out -> Files.copy(source, out));
    }
}
