package nl.signaalpoort.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where each partner's files live, under {@code signaalpoort.files.root}. The one owner of these
 * paths: nothing else spells them out.
 *
 * <pre>
 * homes/&lt;partner&gt;/inbox/     batch files the partner uploads (what the partner sees over SFTP: its chroot)
 * homes/&lt;partner&gt;/outbox/    receipts and feedback files for the partner
 * receipts/&lt;partner&gt;/         every receipt issued, by the file's SHA-256 (the same upload gets the same receipt)
 * quarantine/&lt;partner&gt;/       refused files as uploaded, for operators
 * work/                        the gateway's own: decrypted files while processed, files fetched from partners' servers
 * </pre>
 */
@Component
public class PartnerFiles {

    public static final String INBOX = "inbox";
    public static final String OUTBOX = "outbox";
    /** The prefix of files in the work folder holding an opened (decrypted) batch file while it is processed. */
    public static final String OPENED_PREFIX = "open-";

    private final Path homes;
    private final Path receipts;
    private final Path quarantine;
    private final Path work;

    public PartnerFiles(FilesProperties properties) {
        Path root = properties.root().toAbsolutePath().normalize();
        this.homes = root.resolve("homes");
        this.receipts = root.resolve("receipts");
        this.quarantine = root.resolve("quarantine");
        this.work = root.resolve("work");
    }

    /** The folder that holds every partner's home. */
    public Path homes() {
        return homes;
    }

    /** What the partner sees over SFTP: {@code inbox/} and {@code outbox/}. */
    public Path home(String partnerId) {
        return homes.resolve(partnerId);
    }

    public Path inbox(String partnerId) {
        return home(partnerId).resolve(INBOX);
    }

    public Path outbox(String partnerId) {
        return home(partnerId).resolve(OUTBOX);
    }

    public Path receipts(String partnerId) {
        return receipts.resolve(partnerId);
    }

    public Path quarantine(String partnerId) {
        return quarantine.resolve(partnerId);
    }

    /** The gateway's own work folder; never inside a home. */
    public Path work() {
        return work;
    }

    /** Creates a partner's home with its inbox and outbox; returns the home. */
    public Path createHome(String partnerId) throws IOException {
        Files.createDirectories(inbox(partnerId));
        Files.createDirectories(outbox(partnerId));
        return home(partnerId);
    }

    /** The partner whose inbox holds {@code file}, if it lies directly in one. */
    public Optional<String> partnerOfInboxFile(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path inbox = absolute.getParent();
        if (inbox == null || !INBOX.equals(String.valueOf(inbox.getFileName())) || inbox.getParent() == null
                || !homes.equals(inbox.getParent().getParent())) {
            return Optional.empty();
        }
        return Optional.of(inbox.getParent().getFileName().toString());
    }

    /**
     * Removes what a crash left half-done, unchanged for {@code olderThan}: temporary files in the
     * homes and the receipt archive, and files in the work folder (opened OpenPGP files may hold
     * personal data). Returns how many.
     */
    public int sweepLeftovers(Duration olderThan) throws IOException {
        return AtomicFiles.sweep(homes, AtomicFiles.TEMPORARY_PREFIX, olderThan)
                + AtomicFiles.sweep(receipts, AtomicFiles.TEMPORARY_PREFIX, olderThan)
                + AtomicFiles.sweep(work, OPENED_PREFIX, olderThan);
    }

    /** Deletes quarantined files last changed before the cutoff, every partner's; returns how many. */
    public int expireQuarantine(java.time.Instant cutoff) throws IOException {
        if (!Files.isDirectory(quarantine)) {
            return 0;
        }
        int deleted = 0;
        try (java.util.stream.Stream<Path> all = Files.walk(quarantine)) {
            for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** A new file in the work folder that only the gateway may read: it may hold personal data. */
    public Path privateWorkFile(String prefix) throws IOException {
        Files.createDirectories(work);
        Path file = Files.createTempFile(work, prefix, ".tmp");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the folder's own permissions apply.
        }
        return file;
    }
}
