package nl.signaalpoort.intake.batch;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Batch files, whichever way they arrive (uploaded to the embedded SFTP server, fetched from a
 * partner's own server).
 *
 * @param maxFileSize the largest file taken (and, for OpenPGP files, the largest plaintext)
 * @param chunkSize   rows stored per transaction
 * @param xmlSchema   the XSD of the XML batch format (contracts/batch/signal-batch-v1.xsd)
 * @param progressLogEvery a log line with a large file's progress every this many rows (0: none)
 * @param maxExpansion how many times its own size an OpenPGP file may grow when opened (compression
 *                     included): a few kB may not become gigabytes on the gateway's disk
 * @param expansionFloor a plaintext this small is always allowed, whatever the ratio
 */
@ConfigurationProperties("signaalpoort.batch")
public record BatchProperties(DataSize maxFileSize, int chunkSize, Path xmlSchema, long progressLogEvery,
        @DefaultValue("100") int maxExpansion, @DefaultValue("1MB") DataSize expansionFloor) {

    public BatchProperties {
        if (maxFileSize == null || chunkSize < 1 || xmlSchema == null || maxExpansion < 1) {
            throw new IllegalStateException("signaalpoort.batch needs max-file-size, chunk-size (at least 1), xml-schema "
                    + "and max-expansion (at least 1)");
        }
    }

    /** The largest plaintext an OpenPGP file of this size may open to. */
    public long maxPlaintext(long encryptedBytes) {
        long byRatio = encryptedBytes > Long.MAX_VALUE / maxExpansion ? Long.MAX_VALUE : encryptedBytes * maxExpansion;
        return Math.min(maxFileSize.toBytes(), Math.max(byRatio, expansionFloor.toBytes()));
    }
}
