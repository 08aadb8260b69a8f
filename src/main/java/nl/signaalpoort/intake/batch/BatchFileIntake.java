package nl.signaalpoort.intake.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.intake.IntakePipeline;
import nl.signaalpoort.intake.Receipt;
import nl.signaalpoort.intake.ReceiptStatus;
import nl.signaalpoort.intake.sftp.SftpProperties;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.signal.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Processes a batch file a partner uploaded to its inbox: a structurally broken file is
 * quarantined with a receipt explaining it and nothing stored; a sound one goes row by row through
 * the same pipeline as REST, in chunks of one transaction each; the receipt lands in the partner's
 * outbox. The same file uploaded again (same checksum) gets the same receipt and stores nothing.
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
    private final CsvBatchReader reader = new CsvBatchReader();

    public BatchFileIntake(IntakePipeline pipeline, PartnerRegistry partners, Messages messages, SftpProperties properties,
            MeterRegistry meters) {
        this.pipeline = pipeline;
        this.partners = partners;
        this.messages = messages;
        this.properties = properties;
        this.meters = meters;
    }

    /** {@code root/<partner>/inbox/<name>.csv}: the partner is the home the file was uploaded to. */
    public void process(String absolutePath) throws IOException {
        Path file = Path.of(absolutePath);
        String partnerId = file.getParent().getParent().getFileName().toString();
        Partner partner = partners.byId(partnerId).orElseThrow(() -> new IllegalStateException("file in unknown home " + partnerId));
        String name = file.getFileName().toString();
        Path outbox = file.getParent().getParent().resolve("outbox");
        Path archive = properties.root().resolveSibling("sftp-receipts").resolve(partnerId);
        Files.createDirectories(archive);
        String checksum = sha256(file);
        Path archived = archive.resolve(checksum + ".csv");
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(DUTCH);
        try {
            if (Files.exists(archived)) {
                publish(archived, outbox, name);
                count("duplicate", "NONE");
                LOG.info("batch file partner={} name={} duplicate of an earlier upload: same receipt, nothing stored", partnerId, name);
                return;
            }
            CsvBatchReader.Problem problem = Files.size(file) > properties.maxFileSize().toBytes()
                    ? new CsvBatchReader.Problem(BatchFileProblem.FILE_TOO_LARGE, 0) : reader.check(file);
            Path receipt = Files.createTempFile(archive, ".part-", ".csv");
            if (problem != null) {
                quarantine(file, partnerId);
                writeProblem(receipt, problem);
                count("quarantined", problem.code().name());
                LOG.warn("batch file partner={} name={} quarantined: {} at line {}", partnerId, name, problem.code(), problem.line());
            } else {
                int[] totals = process(file, partner, receipt);
                count("processed", "NONE");
                LOG.info("batch file partner={} name={} rows={} accepted={} rejected={}", partnerId, name, totals[0] + totals[1],
                        totals[0], totals[1]);
            }
            Files.move(receipt, archived, StandardCopyOption.ATOMIC_MOVE);
            publish(archived, outbox, name);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private int[] process(Path file, Partner partner, Path receipt) throws IOException {
        int[] totals = {0, 0};
        try (BufferedWriter out = Files.newBufferedWriter(receipt, StandardCharsets.UTF_8)) {
            out.write("line;reference;status;signalId;duplicate;reasonCodes;reasons\n");
            IOException[] failure = {null};
            reader.read(file, properties.chunkSize(), chunk -> {
                List<Receipt> receipts = pipeline.submit(partner, CHANNEL, chunk.stream().map(CsvBatchReader.Row::submission).toList());
                try {
                    for (int i = 0; i < chunk.size(); i++) {
                        Receipt r = receipts.get(i);
                        totals[r.status() == ReceiptStatus.ACCEPTED ? 0 : 1]++;
                        out.write(chunk.get(i).line() + ";" + quote(r.reference()) + ";" + r.status() + ";"
                                + (r.signalId() == null ? "" : r.signalId()) + ";" + r.duplicate() + ";"
                                + r.reasons().stream().map(x -> x.code().name()).collect(Collectors.joining(",")) + ";"
                                + quote(sentences(r.reasons())) + "\n");
                    }
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            out.write("TOTAL;;accepted=" + totals[0] + ";rejected=" + totals[1] + ";;;\n");
        }
        return totals;
    }

    private void writeProblem(Path receipt, CsvBatchReader.Problem problem) throws IOException {
        Files.writeString(receipt, "line;reference;status;signalId;duplicate;reasonCodes;reasons\n"
                + problem.line() + ";;FILE_REJECTED;;false;" + problem.code() + ";" + quote(messages.file(problem.code().name())) + "\n"
                + "TOTAL;;accepted=0;rejected=0;;;\n", StandardCharsets.UTF_8);
    }

    private String sentences(List<Rejection> reasons) {
        return reasons.stream().map(r -> messages.reason(r.code(), r.field())).collect(Collectors.joining(" | "));
    }

    /** Written under a temporary name, then renamed: the partner never reads half a receipt. */
    private static void publish(Path archived, Path outbox, String name) throws IOException {
        Files.createDirectories(outbox);
        Path temp = outbox.resolve(".part-" + name + ".receipt.csv");
        Files.copy(archived, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, outbox.resolve(name + ".receipt.csv"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(";") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
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
