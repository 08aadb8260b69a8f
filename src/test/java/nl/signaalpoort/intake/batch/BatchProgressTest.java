package nl.signaalpoort.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.store.BatchFileRepository;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BatchProgressTest {

    /** Records what the progress writes, as the database would get it. */
    private static final class Recorder extends BatchFileRepository {
        final List<String> calls = new ArrayList<>();

        Recorder() {
            super(null);
        }

        @Override
        public void started(String partnerId, String fileId, String format, long rowsTotal, java.time.Instant at) {
            calls.add("started " + fileId + " " + rowsTotal);
        }

        @Override
        public void progressed(String partnerId, String fileId, long rowsDone) {
            calls.add("progressed " + rowsDone);
        }

        @Override
        public void finished(String partnerId, String fileId, Long accepted, Long rejected, String problem, java.time.Instant at) {
            calls.add("finished " + accepted + "/" + rejected);
        }
    }

    @Test
    void aFileInProgressIsAGaugeUntilItIsDone() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Recorder files = new Recorder();
        BatchProgress progress = new BatchProgress(meters, Clock.systemUTC(),
                new BatchProperties(DataSize.ofGigabytes(2), 1000, Path.of("x.xsd"), 1000, 100, DataSize.ofMegabytes(1)), files);

        progress.start("demo-energie", "0123456789ab", "csv", 2500);
        progress.advance("0123456789ab", 1000);
        progress.advance("0123456789ab", 1000);
        String during = meters.scrape();
        progress.finish("0123456789ab", 1990, 10);

        assertThat(during).contains("signaalpoort_batch_file_rows_done{file=\"0123456789ab\",partner=\"demo-energie\"} 2000.0")
                .contains("signaalpoort_batch_file_rows_in_file{file=\"0123456789ab\",partner=\"demo-energie\"} 2500.0")
                .contains("signaalpoort_batch_files_in_progress 1.0");
        assertThat(meters.scrape()).doesNotContain("signaalpoort_batch_file_rows_done{").contains("signaalpoort_batch_files_in_progress 0.0");
        assertThat(progress.inProgress()).isEmpty();
        assertThat(files.calls).containsExactly("started 0123456789ab 2500", "progressed 1000", "progressed 2000", "finished 1990/10");
    }
}
