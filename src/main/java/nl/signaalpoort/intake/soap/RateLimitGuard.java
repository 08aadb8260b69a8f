package nl.signaalpoort.intake.soap;

import jakarta.servlet.http.HttpServletRequest;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.security.ratelimit.RateLimitFilter;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * A SOAP request the rate limit refused (marked by {@link RateLimitFilter}, which also set
 * Retry-After) becomes a fault with code TOO_MANY_REQUESTS before the message is even parsed.
 */
class RateLimitGuard extends AbstractSoapInterceptor {

    RateLimitGuard() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request
                && request.getAttribute(RateLimitFilter.REFUSED) != null) {
            throw new ApiProblemException(ProblemCode.TOO_MANY_REQUESTS);
        }
    }
}
