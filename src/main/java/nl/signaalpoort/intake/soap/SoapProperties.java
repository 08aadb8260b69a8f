package nl.signaalpoort.intake.soap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The SOAP channel (docs/soap.md).
 *
 * @param wsdl            the published contract (contracts/wsdl/signaalpoort-v1.wsdl); also the schema messages are validated against
 * @param maxMessageSize  the largest request body
 * @param maxElementDepth how deeply elements may nest
 * @param maxElementCount how many elements one message may hold
 * @param timestampTtl    how old a WS-Security timestamp may be (2W-be-S)
 * @param replayWindow    how long a WS-Addressing MessageID is remembered to refuse replays
 * @param housekeepingInterval how often MessageIDs older than the window are forgotten
 */
@ConfigurationProperties("signaalpoort.soap")
public record SoapProperties(String wsdl, DataSize maxMessageSize, int maxElementDepth, long maxElementCount, Duration timestampTtl,
        Duration replayWindow, Duration housekeepingInterval) {
}
