package nl.signaalpoort.feedback.sftp;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param xmlSchema the XSD of the XML outcome file format (contracts/municipal/outcome-file-v1.xsd) */
@ConfigurationProperties("signaalpoort.outcome-files")
public record OutcomeFileProperties(@DefaultValue("contracts/municipal/outcome-file-v1.xsd") Path xmlSchema) {
}
