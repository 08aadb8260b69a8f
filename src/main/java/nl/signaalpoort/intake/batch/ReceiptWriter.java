package nl.signaalpoort.intake.batch;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import nl.signaalpoort.intake.Receipt;

/**
 * Writes the receipt of one batch file: a line per row, or the one reason the whole file was
 * refused, then the totals. Sentences come translated; the writer only lays them out.
 */
public interface ReceiptWriter extends Closeable {

    void row(long line, Receipt receipt, List<String> sentences) throws IOException;

    void fileRejected(BatchFormat.Problem problem, String sentence) throws IOException;

    void totals(long accepted, long rejected) throws IOException;
}
