package nl.signaalpoort.api;

import java.util.Locale;
import nl.signaalpoort.signal.ReasonCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Human sentences for reason and problem codes, in the caller's language (Dutch unless English is asked). */
@Component
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String reason(ReasonCode code, String field) {
        String sentence = source.getMessage("reason." + code.name(), null, code.name(), locale());
        return field == null ? sentence : sentence + " (" + field + ")";
    }

    /** What a rule checks, for a partner reading its own rules. */
    public String rule(ReasonCode code) {
        return source.getMessage("rule." + code.name(), null, code.name(), locale());
    }

    /** Why a whole batch file was refused. */
    public String file(String code) {
        return source.getMessage("file." + code, null, code, locale());
    }

    /** Why a whole outcome file was refused. */
    public String outcomeFile(String code) {
        return source.getMessage("outcome-file." + code, null, code, locale());
    }

    /** Why a SOAP message was refused before it reached the service (signature, replay, XML hardening). */
    public String soapFault(String code) {
        return source.getMessage("soapfault." + code, null, code, locale());
    }

    /** What the problem is: a problem+json title. */
    public String problem(ProblemCode code) {
        return source.getMessage("problem." + code.name(), null, code.name(), locale());
    }

    /** What the caller can do about it: a problem+json detail. */
    public String problemDetail(ProblemCode code) {
        return source.getMessage("problem-detail." + code.name(), null, code.name(), locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
