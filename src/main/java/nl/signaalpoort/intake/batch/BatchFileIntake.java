package nl.signaalpoort.intake.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.intake.IntakePipeline;
import nl.signaalpoort.intake.Receipt;
import nl.signaalpoort.intake.ReceiptStatus;
import nl.signaalpoort.intake.pgp.PgpFileDecryptor;
import nl.signaalpoort.intake.pgp.PgpRefusedException;
import nl.signaalpoort.intake.sftp.SftpProperties;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Processes a batch file a partner uploaded to its inbox: an OpenPGP file is first opened (and its
 * signature judged); a structurally broken file is quarantined with a receipt explaining it and
 * nothing stored; a sound one goes row by row through the same pipeline as REST, in chunks of one
 * transaction each; the receipt lands in the partner's outbox. The same file uploaded again (same
 * checksum) gets the same receipt and stores nothing.
 */
@Component("batchFileIntake")
public class BatchFileIntake {

    static final String CHANNEL = "sftp";
    private static final Logger LOG = LoggerFactory.getLogger(BatchFileIntake.class);
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final IntakePipeline pipeline;
    private final PartnerRegistry partners;
    private final Messages messages;
    private final SftpProperties properties;
    private final MeterRegistry meters;
    private final BatchFormats formats;
    private final PgpFileDecryptor pgp;

    public BatchFileIntake(IntakePipeline pipeline, PartnerRegistry partners, Messages messages, SftpProperties properties,
            MeterRegistry meters, BatchFormats formats, PgpFileDecryptor pgp) {
        this.pipeline = pipeline;
        this.partners = partners;
        this.messages = messages;
        this.properties = properties;
        this.meters = meters;
        this.formats = formats;
        this.pgp = pgp;
    }

    /** {@code root/<partner>/inbox/<name>}: the partner is the home the file was uploaded to. */
    public void process(String absolutePath) throws IOException {
        Path file = Path.of(absolutePath);
        String partnerId = file.getParent().getParent().getFileName().toString();
        Partner partner = partners.byId(partnerId).orElseThrow(() -> new IllegalStateException("file in unknown home " + partnerId));
        String name = file.getFileName().toString();
        boolean encrypted = PgpFileDecryptor.isPgp(name);
        String innerName = encrypted ? name.substring(0, name.lastIndexOf('.')) : name;
        Optional<BatchFormat> detected = formats.of(innerName);
        BatchFormat format = detected.orElse(formats.fallback());
        Path outbox = file.getParent().getParent().resolve("outbox");
        Path archive = properties.root().resolveSibling("sftp-receipts").resolve(partnerId);
        Files.createDirectories(archive);
        String checksum = sha256(file);
        Path archived = archive.resolve(checksum + "." + format.extension());
        String receiptName = name + ".receipt." + format.extension();
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(DUTCH);
        Path plaintext = null;
        try {
            if (Files.exists(archived)) {
                publish(archived, outbox, receiptName);
                count("duplicate", "NONE");
                LOG.info("batch file partner={} name={} duplicate of an earlier upload: same receipt, nothing stored", partnerId, name);
                return;
            }
            BatchFormat.Problem problem = null;
            if (Files.size(file) > properties.maxFileSize().toBytes()) {
                problem = new BatchFormat.Problem(BatchFileProblem.FILE_TOO_LARGE, 0);
            } else if (detected.isEmpty()) {
                problem = new BatchFormat.Problem(BatchFileProblem.UNSUPPORTED_FORMAT, 0);
            } else if (encrypted) {
                plaintext = workFile();
                problem = open(partnerId, file, plaintext);
            }
            Path readable = plaintext == null ? file : plaintext;
            if (problem == null) {
                problem = format.check(readable);
            }
            Path receipt = Files.createTempFile(archive, ".part-", "." + format.extension());
            if (problem != null) {
                quarantine(file, partnerId);
                try (ReceiptWriter out = format.receipt(receipt)) {
                    out.fileRejected(problem, messages.file(problem.code().name()));
                    out.totals(0, 0);
                }
                count("quarantined", problem.code().name());
                LOG.warn("batch file partner={} name={} quarantined: {} at line {}", partnerId, name, problem.code(), problem.line());
            } else {
                long[] totals = process(format, readable, partner, receipt);
                count("processed", "NONE");
                LOG.info("batch file partner={} name={} rows={} accepted={} rejected={}", partnerId, name, totals[0] + totals[1],
                        totals[0], totals[1]);
            }
            Files.move(receipt, archived, StandardCopyOption.ATOMIC_MOVE);
            publish(archived, outbox, receiptName);
        } finally {
            LocaleContextHolder.setLocale(previous);
            if (plaintext != null) {
                Files.deleteIfExists(plaintext);
            }
        }
    }

    private BatchFormat.Problem open(String partnerId, Path file, Path plaintext) throws IOException {
        try {
            pgp.decrypt(partnerId, file, plaintext, properties.maxFileSize().toBytes());
            return null;
        } catch (PgpRefusedException e) {
            return new BatchFormat.Problem(switch (e.problem()) {
                case MALFORMED -> BatchFileProblem.PGP_MALFORMED;
                case WRONG_KEY -> BatchFileProblem.PGP_WRONG_KEY;
                case UNSIGNED -> BatchFileProblem.PGP_UNSIGNED;
                case BAD_SIGNATURE -> BatchFileProblem.PGP_BAD_SIGNATURE;
                case TOO_LARGE -> BatchFileProblem.FILE_TOO_LARGE;
            }, 0);
        }
    }

    private long[] process(BatchFormat format, Path file, Partner partner, Path receipt) throws IOException {
        long[] totals = {0, 0};
        try (ReceiptWriter out = format.receipt(receipt)) {
            try {
                format.read(file, properties.chunkSize(), chunk -> {
                    List<Receipt> receipts = pipeline.submit(partner, CHANNEL, chunk.stream().map(BatchFormat.Row::submission).toList());
                    for (int i = 0; i < chunk.size(); i++) {
                        Receipt r = receipts.get(i);
                        totals[r.status() == ReceiptStatus.ACCEPTED ? 0 : 1]++;
                        try {
                            out.row(chunk.get(i).line(), r, r.reasons().stream().map(x -> messages.reason(x.code(), x.field())).toList());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.totals(totals[0], totals[1]);
        }
        return totals;
    }

    /** A private file for the decrypted content; it holds personal data, so only the gateway may read it. */
    private Path workFile() throws IOException {
        Files.createDirectories(properties.work());
        Path work = Files.createTempFile(properties.work(), "open-", ".tmp");
        try {
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the folder's own permissions apply.
        }
        return work;
    }

    /** Written under a temporary name, then renamed: the partner never reads half a receipt. */
    private static void publish(Path archived, Path outbox, String name) throws IOException {
        Files.createDirectories(outbox);
        Path temp = outbox.resolve(".part-" + name);
        Files.copy(archived, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void quarantine(Path file, String partnerId) throws IOException {
        Path quarantine = properties.root().resolveSibling("sftp-quarantine").resolve(partnerId);
        Files.createDirectories(quarantine);
        Files.copy(file, quarantine.resolve(System.currentTimeMillis() + "-" + file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private void count(String result, String problem) {
        Counter.builder("signaalpoort.intake.files").description("Batch files by result and problem code")
                .tag("channel", CHANNEL).tag("result", result).tag("problem", problem).register(meters).increment();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
