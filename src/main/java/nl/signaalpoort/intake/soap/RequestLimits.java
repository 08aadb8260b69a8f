package nl.signaalpoort.intake.soap;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * First look at a request: a declared body larger than allowed is refused before it is read (the
 * StAX limits catch undeclared ones while reading), and the caller's language is taken from
 * Accept-Language for the sentences in receipts and faults (Dutch unless English is asked).
 */
class RequestLimits extends AbstractSoapInterceptor {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final long maxBytes;

    RequestLimits(long maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        LocaleContextHolder.setLocale(locale(message));
        String length = header(message, "Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBytes) {
                    throw new SoapRefusedException(SoapFaultCode.MESSAGE_TOO_LARGE);
                }
            } catch (NumberFormatException ignored) {
                // Tomcat refuses a malformed Content-Length before we see it.
            }
        }
    }

    private static Locale locale(SoapMessage message) {
        String accept = header(message, "Accept-Language");
        return accept != null && accept.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : DUTCH;
    }

    @SuppressWarnings("unchecked")
    private static String header(SoapMessage message, String name) {
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
