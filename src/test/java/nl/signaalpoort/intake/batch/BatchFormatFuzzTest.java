package nl.signaalpoort.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Any bytes as a batch file: the format refuses the file with a code, or every row it counted is
 * read; nothing else (no exception, no row count that disagrees). Runs its inputs
 * (BatchFormatFuzzTestInputs/) in every test run; fuzz longer with JAZZER_FUZZ=1 (bench/README.md).
 */
class BatchFormatFuzzTest {

    private static final XmlBatchFormat XML = new XmlBatchFormat(Path.of("contracts/batch/signal-batch-v1.xsd"));
    private static final CsvBatchFormat CSV = new CsvBatchFormat();

    @FuzzTest(maxDuration = "10s")
    void csv(byte[] data) throws Exception {
        judged(CSV, data);
    }

    @FuzzTest(maxDuration = "10s")
    void xml(byte[] data) throws Exception {
        judged(XML, data);
    }

    private static void judged(BatchFormat format, byte[] data) throws Exception {
        Path file = Files.createTempFile("fuzz", "." + format.extension());
        try {
            Files.write(file, data);
            BatchFormat.Checked checked = format.inspect(file);
            if (checked.problem() != null) {
                assertThat(checked.problem().code()).isNotNull();
                return;
            }
            AtomicLong rows = new AtomicLong();
            format.read(file, 100, chunk -> rows.addAndGet(chunk.size()));
            assertThat(rows.get()).isLessThanOrEqualTo(checked.rows());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
