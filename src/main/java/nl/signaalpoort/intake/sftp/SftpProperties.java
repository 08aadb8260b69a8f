package nl.signaalpoort.intake.sftp;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param enabled     whether the embedded SFTP server runs
 * @param host        the address it listens on
 * @param port        its port (0: any free port)
 * @param root        where each partner's home (inbox/, outbox/) lives
 * @param hostKey     where the host key is kept, so partners can pin it across restarts
 * @param maxFileSize the largest file a partner may upload
 * @param chunkSize   rows stored per transaction
 * @param xmlSchema   the XSD of the XML batch format (contracts/batch/signal-batch-v1.xsd)
 * @param work        where decrypted OpenPGP files are kept while processed (the gateway's only)
 */
@ConfigurationProperties("signaalpoort.sftp")
public record SftpProperties(boolean enabled, String host, int port, Path root, Path hostKey, DataSize maxFileSize, int chunkSize,
        Path xmlSchema, Path work) {
}
