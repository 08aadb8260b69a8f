package nl.signaalpoort.intake.batch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.signaalpoort.store.BatchFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Batch files being processed, with rows done and rows in total (the check pass counts them):
 * recorded in {@code batch_files} for every node's /ops page, and on this node in the gauges {@code signaalpoort_batch_file_rows_done} and
 * {@code _rows_in_file} (labels: partner and the file's short checksum, never its name), and a log
 * line every {@code signaalpoort.batch.progress-log-every} rows. Partners hear only the receipt,
 * at the end.
 */
@Component
public class BatchProgress {

    /** One file in progress. */
    public record FileProgress(String partnerId, String fileId, String format, long rowsTotal, AtomicLong rowsDone, Instant startedAt) {

        /** Rows per second so far. */
        public double rowsPerSecond(Instant now) {
            double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
            return rowsDone.get() / seconds;
        }

        /** Done as a share of the total, 0 to 1. */
        public double share() {
            return rowsTotal == 0 ? 1 : Math.min(1, (double) rowsDone.get() / rowsTotal);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BatchProgress.class);

    private final Map<String, FileProgress> files = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;
    private final long logEvery;
    private final BatchFileRepository repository;

    public BatchProgress(MeterRegistry meters, Clock clock, BatchProperties properties, BatchFileRepository repository) {
        this.repository = repository;
        this.meters = meters;
        this.clock = clock;
        this.logEvery = properties.progressLogEvery();
        Gauge.builder("signaalpoort.batch.files.in.progress", files, Map::size)
                .description("Batch files being processed on this node").register(meters);
    }

    void start(String partnerId, String fileId, String format, long rowsTotal) {
        FileProgress progress = new FileProgress(partnerId, fileId, format, rowsTotal, new AtomicLong(), clock.instant());
        // The database first: if it is away, nothing is left registered here for the file's next attempt.
        repository.started(partnerId, fileId, format, rowsTotal, progress.startedAt());
        files.put(fileId, progress);
        gauges.put(fileId, List.of(
                Gauge.builder("signaalpoort.batch.file.rows.done", progress, p -> p.rowsDone().get())
                        .description("Rows of a batch file in progress that are done").tag("partner", partnerId).tag("file", fileId)
                        .register(meters),
                Gauge.builder("signaalpoort.batch.file.rows.in.file", progress, FileProgress::rowsTotal)
                        .description("Rows of a batch file in progress, in total").tag("partner", partnerId).tag("file", fileId)
                        .register(meters)));
        LOG.info("batch file partner={} file={} started rows={}", partnerId, fileId, rowsTotal);
    }

    void advance(String fileId, int rows) {
        FileProgress progress = files.get(fileId);
        if (progress == null) {
            return;
        }
        long before = progress.rowsDone().getAndAdd(rows);
        long after = before + rows;
        repository.progressed(progress.partnerId(), fileId, after);
        if (logEvery > 0 && after / logEvery > before / logEvery) {
            LOG.info("batch file partner={} file={} rows={}/{} ({} rows/s)", progress.partnerId(), fileId, after, progress.rowsTotal(),
                    Math.round(progress.rowsPerSecond(clock.instant())));
        }
    }

    void finish(String fileId, long accepted, long rejected) {
        FileProgress progress = files.get(fileId);
        if (progress != null) {
            repository.finished(progress.partnerId(), fileId, accepted, rejected, null, clock.instant());
        }
        forget(fileId);
    }

    /** A file refused as a whole: recorded as finished with its problem, rows untouched. */
    void refused(String partnerId, String fileId, String format, String problem) {
        repository.started(partnerId, fileId, format, 0, clock.instant());
        repository.finished(partnerId, fileId, 0L, 0L, problem, clock.instant());
    }

    /** Processing ended without totals (an error); the next attempt starts the file over. */
    void abandon(String fileId) {
        forget(fileId);
    }

    private void forget(String fileId) {
        files.remove(fileId);
        List<Meter> registered = gauges.remove(fileId);
        if (registered != null) {
            registered.forEach(meters::remove);
        }
    }

    /** The files in progress, oldest first. */
    public List<FileProgress> inProgress() {
        return files.values().stream().sorted(Comparator.comparing(FileProgress::startedAt)).toList();
    }
}
