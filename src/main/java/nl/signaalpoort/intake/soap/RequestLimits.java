package nl.signaalpoort.intake.soap;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * First look at a request: a declared body larger than allowed is refused before it is read (the
 * StAX limits catch undeclared ones while reading), and the caller's language is resolved as for
 * REST (Accept-Language, Dutch by default) for the sentences in receipts and faults.
 */
class RequestLimits extends AbstractSoapInterceptor {

    private final long maxBytes;
    private final LocaleResolver locales;

    RequestLimits(long maxBytes, LocaleResolver locales) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
        this.locales = locales;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        HttpServletRequest request = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        if (request == null) {
            return;
        }
        LocaleContextHolder.setLocale(locales.resolveLocale(request));
        if (request.getContentLengthLong() > maxBytes) {
            throw new SoapRefusedException(SoapFaultCode.MESSAGE_TOO_LARGE);
        }
    }
}
