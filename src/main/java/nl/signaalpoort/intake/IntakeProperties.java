package nl.signaalpoort.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBatchSize    the most signals in one request (REST, SOAP)
 * @param maxRequestSize  the largest request body accepted
 */
@ConfigurationProperties("signaalpoort.intake")
public record IntakeProperties(int maxBatchSize, DataSize maxRequestSize) {
}
