package nl.signaalpoort.intake.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.Checksums;
import nl.signaalpoort.files.AtomicFiles;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.intake.Channel;
import nl.signaalpoort.intake.IntakeMode;
import nl.signaalpoort.intake.IntakePipeline;
import nl.signaalpoort.intake.Receipt;
import nl.signaalpoort.intake.ReceiptStatus;
import nl.signaalpoort.intake.pgp.PgpFileDecryptor;
import nl.signaalpoort.intake.pgp.PgpRefusedException;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.signing.PartnerReturnFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Processes a batch file a partner uploaded to its inbox: an OpenPGP file is first opened (and its
 * signature judged); a structurally broken file is quarantined with a receipt explaining it and
 * nothing stored; a sound one goes row by row through the same pipeline as REST, in chunks of one
 * transaction each; a withdrawal file goes to {@link WithdrawalFile}; the receipt lands in the partner's outbox. The same file uploaded again (same
 * checksum) gets the same receipt and stores nothing.
 */
@Component(Routes.BATCH_FILE_INTAKE)
public class BatchFileIntake {

    private static final Logger LOG = LoggerFactory.getLogger(BatchFileIntake.class);
    /** Receipts are written in Dutch, the language of the partners' contract. */
    private static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final String DRY_RUN = ".dryrun.";

    private final IntakePipeline pipeline;
    private final PartnerRegistry partners;
    private final Messages messages;
    private final BatchProperties properties;
    private final PartnerFiles files;
    private final MeterRegistry meters;
    private final BatchFormats formats;
    private final PgpFileDecryptor pgp;
    private final AuditTrail audit;
    private final BatchProgress progress;
    private final PartnerReturnFiles returnFiles;
    private final WithdrawalFile withdrawalFile;

    public BatchFileIntake(IntakePipeline pipeline, PartnerRegistry partners, Messages messages, BatchProperties properties,
            PartnerFiles files, MeterRegistry meters, BatchFormats formats, PgpFileDecryptor pgp, AuditTrail audit,
            BatchProgress progress, PartnerReturnFiles returnFiles, WithdrawalFile withdrawalFile) {
        this.withdrawalFile = withdrawalFile;
        this.returnFiles = returnFiles;
        this.audit = audit;
        this.progress = progress;
        this.pipeline = pipeline;
        this.partners = partners;
        this.messages = messages;
        this.properties = properties;
        this.files = files;
        this.meters = meters;
        this.formats = formats;
        this.pgp = pgp;
    }

    /** An uploaded file as its name says: its format, and whether it is wrapped in OpenPGP. */
    /** {@code dryRun}: the name has {@value #DRY_RUN} before its format's extension, such as {@code november.dryrun.csv}. */
    /** {@code withdrawals}: a withdrawal file ({@link WithdrawalFile#SUFFIX}), not signals. */
    private record Upload(Path file, String partnerId, String name, boolean encrypted, Optional<BatchFormat> format, boolean dryRun,
            boolean withdrawals) {

        IntakeMode mode() {
            return dryRun ? IntakeMode.DRY_RUN : IntakeMode.SUBMIT;
        }

        BatchFormat receiptFormat(BatchFormats formats) {
            return format.orElse(formats.fallback());
        }

        String receiptName(BatchFormats formats) {
            return name + ".receipt." + receiptFormat(formats).extension();
        }
    }

    /** A file in {@code homes/<partner>/inbox/}: the partner is the home it was uploaded to. */
    public void process(String absolutePath) throws IOException {
        Upload upload = upload(Path.of(absolutePath));
        Partner partner = partners.byId(upload.partnerId())
                .orElseThrow(() -> new IllegalStateException("file in the home of an unregistered partner " + upload.partnerId()));
        String checksum = Checksums.sha256(upload.file());
        Path archived = files.receipts(partner.id()).resolve(checksum + "." + upload.receiptFormat(formats).extension());
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(DUTCH);
        try {
            if (upload.dryRun()) {
                // Judged as the same file would be, answered with the same receipt; nothing kept, not
                // even the receipt's archive, so the same file sent for real later is processed.
                returnFiles.publish(partner.id(), upload.receiptName(formats), receipt -> judgeAndProcess(upload, partner, checksum, receipt));
                count("dry-run", "NONE");
                return;
            }
            if (Files.exists(archived)) {
                count("duplicate", "NONE");
                LOG.info("batch file partner={} name={} duplicate of an earlier upload: same receipt, nothing stored",
                        partner.id(), upload.name());
            } else {
                AtomicFiles.write(archived, receipt -> judgeAndProcess(upload, partner, checksum, receipt));
            }
            // Signed by the gateway, and encrypted where the partner registered that (pgp.returnFiles).
            returnFiles.publish(partner.id(), upload.receiptName(formats), archived);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private Upload upload(Path file) {
        String partnerId = files.partnerOfInboxFile(file)
                .orElseThrow(() -> new IllegalStateException("not a file in a partner's inbox: " + file.getFileName()));
        String name = file.getFileName().toString();
        boolean encrypted = PgpFileDecryptor.isPgp(name);
        String innerName = encrypted ? name.substring(0, name.lastIndexOf('.')) : name;
        return new Upload(file, partnerId, name, encrypted, formats.of(innerName), innerName.contains(DRY_RUN),
                WithdrawalFile.isWithdrawalFile(innerName));
    }

    /** Refuses the file as a whole, or reads it into the pipeline; the receipt says which. */
    private void judgeAndProcess(Upload upload, Partner partner, String checksum, OutputStream receipt) throws IOException {
        BatchFormat format = upload.receiptFormat(formats);
        Path plaintext = null;
        try {
            BatchFormat.Problem problem = null;
            if (Files.size(upload.file()) > properties.maxFileSize().toBytes()) {
                problem = new BatchFormat.Problem(BatchFileProblem.FILE_TOO_LARGE, 0);
            } else if (upload.format().isEmpty()) {
                problem = new BatchFormat.Problem(BatchFileProblem.UNSUPPORTED_FORMAT, 0);
            } else if (!upload.encrypted() && partner.requiresOpenPgp()) {
                problem = new BatchFormat.Problem(BatchFileProblem.PGP_REQUIRED, 0);
            } else if (upload.encrypted()) {
                plaintext = files.privateWorkFile(PartnerFiles.OPENED_PREFIX);
                problem = open(partner.id(), upload.file(), plaintext);
            }
            Path readable = plaintext == null ? upload.file() : plaintext;
            if (upload.withdrawals()) {
                withdrawalFile.process(partner, upload.name(), checksum, readable, problem != null ? problem.code()
                        : upload.dryRun() ? BatchFileProblem.DRY_RUN_NOT_SUPPORTED : null, receipt);
                count("withdrawals", problem == null ? "NONE" : problem.code().name());
                return;
            }
            long rowsTotal = 0;
            if (problem == null) {
                BatchFormat.Checked checked = format.inspect(readable);
                problem = checked.problem();
                rowsTotal = checked.rows();
            }
            try (ReceiptWriter out = format.receipt(receipt)) {
                AuditEntry.Actor actor = AuditEntry.Actor.partner(partner.oin());
                String subject = partner.id() + "/" + checksum;
                if (problem != null && upload.dryRun()) {
                    out.fileRejected(problem, messages.file(problem.code().name()));
                    out.totals(0, 0);
                    LOG.info("batch file dry run partner={} name={} would be refused: {} at line {}", partner.id(), upload.name(),
                            problem.code(), problem.line());
                } else if (upload.dryRun()) {
                    long[] totals = rows(format, readable, partner, out, null, IntakeMode.DRY_RUN);
                    LOG.info("batch file dry run partner={} name={} rows={} would be accepted={}", partner.id(), upload.name(),
                            totals[0] + totals[1], totals[0]);
                } else if (problem != null) {
                    refuse(upload, problem, out);
                    progress.refused(partner.id(), checksum.substring(0, 12), format.extension(), problem.code().name());
                    audit.record(AuditEntry.about(actor, AuditAction.FILE_REFUSED, AuditEntry.SubjectType.FILE, subject,
                            "channel", Channel.SFTP.label(), "problem", problem.code(), "line", problem.line()));
                } else {
                    String fileId = checksum.substring(0, 12);
                    progress.start(partner.id(), fileId, format.extension(), rowsTotal);
                    long[] totals;
                    try {
                        totals = rows(format, readable, partner, out, fileId, IntakeMode.SUBMIT);
                    } catch (IOException | RuntimeException e) {
                        progress.abandon(fileId);
                        throw e;
                    }
                    progress.finish(fileId, totals[0], totals[1]);
                    audit.record(AuditEntry.about(actor, AuditAction.FILE_PROCESSED, AuditEntry.SubjectType.FILE, subject,
                            "channel", Channel.SFTP.label(), "format", format.extension(), "accepted", totals[0], "rejected", totals[1]));
                    count("processed", "NONE");
                    LOG.info("batch file partner={} name={} rows={} accepted={} rejected={}", partner.id(), upload.name(),
                            totals[0] + totals[1], totals[0], totals[1]);
                }
            }
        } finally {
            if (plaintext != null) {
                Files.deleteIfExists(plaintext);
            }
        }
    }

    private void refuse(Upload upload, BatchFormat.Problem problem, ReceiptWriter out) throws IOException {
        Path quarantine = Files.createDirectories(files.quarantine(upload.partnerId()));
        Files.copy(upload.file(), quarantine.resolve(System.currentTimeMillis() + "-" + upload.name()),
                StandardCopyOption.REPLACE_EXISTING);
        out.fileRejected(problem, messages.file(problem.code().name()));
        out.totals(0, 0);
        count("quarantined", problem.code().name());
        LOG.warn("batch file partner={} name={} quarantined: {} at line {}", upload.partnerId(), upload.name(), problem.code(),
                problem.line());
    }

    private BatchFormat.Problem open(String partnerId, Path file, Path plaintext) throws IOException {
        long maxFile = properties.maxFileSize().toBytes();
        long maxPlaintext = properties.maxPlaintext(Files.size(file));
        try {
            pgp.decrypt(partnerId, file, plaintext, maxPlaintext);
            return null;
        } catch (PgpRefusedException e) {
            return new BatchFormat.Problem(switch (e.problem()) {
                case MALFORMED -> BatchFileProblem.PGP_MALFORMED;
                case WRONG_KEY -> BatchFileProblem.PGP_WRONG_KEY;
                case UNSIGNED -> BatchFileProblem.PGP_UNSIGNED;
                case BAD_SIGNATURE -> BatchFileProblem.PGP_BAD_SIGNATURE;
                case TOO_LARGE -> maxPlaintext < maxFile ? BatchFileProblem.PGP_EXPANSION_TOO_LARGE : BatchFileProblem.FILE_TOO_LARGE;
            }, 0);
        }
    }

    /**
     * Every row through the pipeline, a chunk per transaction; returns {accepted, rejected}. While
     * one chunk is being stored (on the file's store thread, {@link ChunkStore}), this thread reads
     * and prepares the next; receipts are written in file order.
     */
    private long[] rows(BatchFormat format, Path file, Partner partner, ReceiptWriter out, String fileId, IntakeMode mode)
            throws IOException {
        long[] totals = {0, 0};
        try (ChunkStore<List<BatchFormat.Row>> store = new ChunkStore<>("batch-store-" + partner.id())) {
            ChunkStore.Consumer<List<BatchFormat.Row>> write = (chunk, receipts) -> {
                for (int i = 0; i < chunk.size(); i++) {
                    Receipt r = receipts.get(i);
                    totals[r.status() == ReceiptStatus.ACCEPTED ? 0 : 1]++;
                    out.row(chunk.get(i).line(), r, r.reasons().stream().map(x -> messages.reason(x.code(), x.field())).toList());
                }
                if (fileId != null) {
                    progress.advance(fileId, chunk.size());
                }
            };
            try {
                format.read(file, properties.chunkSize(), chunk -> {
                    IntakePipeline.Prepared prepared = pipeline.prepare(partner, Channel.SFTP,
                            chunk.stream().map(BatchFormat.Row::submission).toList(), mode);
                    store.submit(chunk, () -> pipeline.complete(prepared), write);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            store.finish(write);
        }
        out.totals(totals[0], totals[1]);
        return totals;
    }

    private void count(String result, String problem) {
        Counter.builder("signaalpoort.intake.files").description("Batch files by result and problem code")
                .tag("channel", Channel.SFTP.label()).tag("result", result).tag("problem", problem).register(meters).increment();
    }
}
