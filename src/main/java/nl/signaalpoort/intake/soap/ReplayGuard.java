package nl.signaalpoort.intake.soap;

import java.time.Clock;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.store.MessageIdRepository;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.ContextUtils;

/**
 * Every request carries a WS-Addressing MessageID, and one MessageID is taken once within the
 * replay window per calling organisation: a captured message sent again is refused, on whichever
 * node it arrives. Runs last before the service, after signature and schema checks and only for a
 * caller with a registered certificate, so only sound messages of known callers use up an id.
 * Ids older than the window are forgotten by {@link MessageIdHousekeeping}, off the request path.
 */
class ReplayGuard extends AbstractSoapInterceptor {

    private final MessageIdRepository ids;
    private final Clock clock;

    ReplayGuard(MessageIdRepository ids, Clock clock) {
        super(Phase.PRE_INVOKE);
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        AddressingProperties maps = ContextUtils.retrieveMAPs(message, false, false, false);
        String messageId = maps == null || maps.getMessageID() == null ? null : maps.getMessageID().getValue();
        if (messageId == null || messageId.isBlank() || messageId.length() > 255) {
            throw new SoapRefusedException(SoapFaultCode.ADDRESSING_REQUIRED);
        }
        // Only a known caller uses up a MessageID, and only its own: a stranger can neither fill the
        // table nor take a partner's next id.
        OrganisationPrincipal caller = SoapCaller.current();
        if (caller == null) {
            throw new ApiProblemException(ProblemCode.CLIENT_CERTIFICATE_REQUIRED);
        }
        if (!ids.remember(messageId, caller.organisationId(), clock.instant())) {
            throw new SoapRefusedException(SoapFaultCode.REPLAYED_MESSAGE);
        }
    }
}
