package nl.signaalpoort.files;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param root where every partner's file home lies (see {@link PartnerFiles}); with more than one
 *             node, a volume all nodes share
 */
@ConfigurationProperties("signaalpoort.files")
public record FilesProperties(Path root) {

    public FilesProperties {
        if (root == null) {
            throw new IllegalStateException("signaalpoort.files.root is required");
        }
    }
}
