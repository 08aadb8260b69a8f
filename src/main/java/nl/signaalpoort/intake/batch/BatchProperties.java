package nl.signaalpoort.intake.batch;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Batch files, whichever way they arrive (uploaded to the embedded SFTP server, fetched from a
 * partner's own server).
 *
 * @param maxFileSize the largest file taken (and, for OpenPGP files, the largest plaintext)
 * @param chunkSize   rows stored per transaction
 * @param xmlSchema   the XSD of the XML batch format (contracts/batch/signal-batch-v1.xsd)
 * @param progressLogEvery a log line with a large file's progress every this many rows (0: none)
 */
@ConfigurationProperties("signaalpoort.batch")
public record BatchProperties(DataSize maxFileSize, int chunkSize, Path xmlSchema, long progressLogEvery) {

    public BatchProperties {
        if (maxFileSize == null || chunkSize < 1 || xmlSchema == null) {
            throw new IllegalStateException("signaalpoort.batch needs max-file-size, chunk-size (at least 1) and xml-schema");
        }
    }
}
