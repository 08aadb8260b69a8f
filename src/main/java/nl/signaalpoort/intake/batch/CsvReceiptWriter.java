package nl.signaalpoort.intake.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;
import nl.signaalpoort.files.Csv;
import nl.signaalpoort.intake.Receipt;

/** The CSV receipt (contracts/batch/csv-format.md), in the gateway's one CSV dialect ({@link Csv}). */
final class CsvReceiptWriter implements ReceiptWriter {

    /** {@code warningCodes} last, so a reader of the first seven columns reads on as before. */
    static final String[] HEADER = {"line", "reference", "status", "signalId", "duplicate", "reasonCodes", "reasons", "warningCodes"};

    private final Csv.RowWriter out;

    CsvReceiptWriter(OutputStream target) throws IOException {
        out = Csv.writer(target);
        out.row(HEADER);
    }

    @Override
    public void row(long line, Receipt receipt, List<String> sentences) throws IOException {
        out.row(Long.toString(line), receipt.reference(), receipt.status().name(),
                receipt.signalId() == null ? null : receipt.signalId().toString(), Boolean.toString(receipt.duplicate()),
                receipt.reasons().stream().map(r -> r.code().name()).collect(Collectors.joining(",")), String.join(" | ", sentences),
                receipt.warnings().stream().map(r -> r.code().name()).collect(Collectors.joining(",")));
    }

    @Override
    public void fileRejected(BatchFormat.Problem problem, String sentence) throws IOException {
        out.row(Long.toString(problem.line()), null, "FILE_REJECTED", null, "false", problem.code().name(), sentence, null);
    }

    @Override
    public void totals(long accepted, long rejected) throws IOException {
        out.row("TOTAL", null, "accepted=" + accepted, "rejected=" + rejected, null, null, null, null);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
