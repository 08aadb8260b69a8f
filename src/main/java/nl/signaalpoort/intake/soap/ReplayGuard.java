package nl.signaalpoort.intake.soap;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.MessageIdRepository;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;

/**
 * Every request carries a WS-Addressing MessageID, and one MessageID is taken once within the
 * replay window: a captured message sent again is refused, on whichever node it arrives. Runs
 * last before the service, after signature and schema checks, so only sound messages use up an id.
 */
class ReplayGuard extends AbstractSoapInterceptor {

    private static final int FORGET_EVERY = 1_000;

    private final MessageIdRepository ids;
    private final Duration window;
    private final Clock clock;
    private final AtomicLong seen = new AtomicLong();

    ReplayGuard(MessageIdRepository ids, Duration window, Clock clock) {
        super(Phase.PRE_INVOKE);
        this.ids = ids;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
        String messageId = maps == null || maps.getMessageID() == null ? null : maps.getMessageID().getValue();
        if (messageId == null || messageId.isBlank() || messageId.length() > 255) {
            throw new SoapRefusedException(SoapFaultCode.ADDRESSING_REQUIRED);
        }
        OrganisationPrincipal caller = SoapCaller.current();
        if (!ids.remember(messageId, caller == null ? "-" : caller.organisationId(), clock.instant())) {
            throw new SoapRefusedException(SoapFaultCode.REPLAYED_MESSAGE);
        }
        if (seen.incrementAndGet() % FORGET_EVERY == 0) {
            ids.forgetBefore(clock.instant().minus(window));
        }
    }
}
