package nl.signaalpoort.intake.soap;

import java.time.Clock;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.store.MessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Forgets SOAP MessageIDs older than the replay window (route soap-message-ids); idempotent, any node. */
@Component(Routes.SOAP_MESSAGE_ID_HOUSEKEEPING)
public class MessageIdHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(MessageIdHousekeeping.class);

    private final MessageIdRepository ids;
    private final SoapProperties properties;
    private final Clock clock;

    public MessageIdHousekeeping(MessageIdRepository ids, SoapProperties properties, Clock clock) {
        this.ids = ids;
        this.properties = properties;
        this.clock = clock;
    }

    public int forgetExpired() {
        int forgotten = ids.forgetBefore(clock.instant().minus(properties.replayWindow()));
        if (forgotten > 0) {
            LOG.info("soap message ids forgotten={}", forgotten);
        }
        return forgotten;
    }
}
