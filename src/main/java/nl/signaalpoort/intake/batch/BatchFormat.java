package nl.signaalpoort.intake.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import nl.signaalpoort.intake.Submission;

/**
 * A batch file format (contracts/batch/): first {@link #check} reads the whole file for structural
 * problems, so a broken file is refused before any row is stored; then {@link #read} streams the
 * rows in chunks. Memory stays flat whatever the file's size. Receipts come back in the same family.
 */
public interface BatchFormat {

    /** A structural problem and where it was found (a record or line number; 0 for the file as a whole). */
    record Problem(BatchFileProblem code, long line) {
    }

    /** What the check pass found: the first problem (null when the file is sound), and how many rows the file holds. */
    record Checked(Problem problem, long rows) {

        static Checked refused(Problem problem) {
            return new Checked(problem, 0);
        }
    }

    /** One row bound to the canonical model, with its position in the file. */
    record Row(long line, Submission submission) {
    }

    /** The file name ending this format reads, without the dot: {@code csv}, {@code xml}. */
    String extension();

    /** Reads the whole file once for structural problems, counting its rows on the way. */
    Checked inspect(Path file) throws IOException;

    /** Null when the file is sound; else the first problem. */
    default Problem check(Path file) throws IOException {
        return inspect(file).problem();
    }

    /** Streams the rows of a checked file in chunks of at most {@code chunkSize}. */
    void read(Path file, int chunkSize, Consumer<List<Row>> chunks) throws IOException;

    /** Opens a receipt in this format's family at {@code target}. */
    ReceiptWriter receipt(OutputStream target) throws IOException;
}
