package nl.signaalpoort.intake.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import nl.signaalpoort.config.CsvText;
import nl.signaalpoort.intake.Receipt;

/** The CSV receipt (contracts/batch/csv-format.md): UTF-8, {@code ;}, RFC 4180 quoting. */
final class CsvReceiptWriter implements ReceiptWriter {

    private final BufferedWriter out;

    CsvReceiptWriter(Path target) throws IOException {
        out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
        out.write("line;reference;status;signalId;duplicate;reasonCodes;reasons\n");
    }

    @Override
    public void row(long line, Receipt receipt, List<String> sentences) throws IOException {
        out.write(line + ";" + CsvText.cell(receipt.reference()) + ";" + receipt.status() + ";"
                + (receipt.signalId() == null ? "" : receipt.signalId()) + ";" + receipt.duplicate() + ";"
                + receipt.reasons().stream().map(r -> r.code().name()).collect(Collectors.joining(",")) + ";"
                + CsvText.cell(String.join(" | ", sentences)) + "\n");
    }

    @Override
    public void fileRejected(BatchFormat.Problem problem, String sentence) throws IOException {
        out.write(problem.line() + ";;FILE_REJECTED;;false;" + problem.code() + ";" + CsvText.cell(sentence) + "\n");
    }

    @Override
    public void totals(long accepted, long rejected) throws IOException {
        out.write("TOTAL;;accepted=" + accepted + ";rejected=" + rejected + ";;;\n");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
