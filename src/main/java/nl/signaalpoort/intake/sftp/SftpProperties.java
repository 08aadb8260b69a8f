package nl.signaalpoort.intake.sftp;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The embedded SFTP server partners upload batch files to. Where their homes lie is
 * {@code signaalpoort.files.root} ({@link nl.signaalpoort.files.PartnerFiles}); how large a file
 * may be is {@code signaalpoort.batch.max-file-size}.
 *
 * @param enabled whether the embedded SFTP server runs
 * @param host    the address it listens on
 * @param port    its port (0: any free port)
 * @param hostKey where the host key is kept, so partners can pin it across restarts
 * @param inboxQuota the most one partner's inbox may hold at a time (the disk is shared by all)
 * @param inboxFiles the most files one partner's inbox may hold at a time
 */
@ConfigurationProperties("signaalpoort.sftp")
public record SftpProperties(boolean enabled, String host, int port, Path hostKey,
        @DefaultValue("4GB") DataSize inboxQuota, @DefaultValue("200") int inboxFiles) {
}
