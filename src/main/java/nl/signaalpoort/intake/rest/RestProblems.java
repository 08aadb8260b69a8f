package nl.signaalpoort.intake.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.api.ProblemWriter;
import nl.signaalpoort.api.RequestBodyLimit;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.json.Mappers;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers a failure in a REST route with problem+json, as Spring MVC's advice does for the
 * controllers (which never sees a Camel route's exceptions): the code of a refusal, else
 * INTERNAL_ERROR with only the exception's class logged (its message may carry input).
 */
@Component(Routes.REST_PROBLEMS)
public class RestProblems {

    private static final Logger LOG = LoggerFactory.getLogger(RestProblems.class);

    private final ProblemWriter problems;
    private final LocaleResolver locales;

    public RestProblems(ProblemWriter problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    public void answer(Exchange exchange) throws Exception {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ProblemCode code = code(e);
        if (code == ProblemCode.INTERNAL_ERROR) {
            LOG.error("unexpected error in REST route {}: {}", exchange.getFromRouteId(), e == null ? "?" : e.getClass().getName());
        } else if (code == ProblemCode.DATABASE_UNAVAILABLE) {
            LOG.warn("REST route {} answered {}: {}", exchange.getFromRouteId(), code, e.getClass().getName());
        }
        HttpServletRequest request = RestIntake.request(exchange);
        Locale previous = LocaleContextHolder.getLocale();
        if (request != null) {
            LocaleContextHolder.setLocale(locales.resolveLocale(request));
        }
        try {
            RestIntake.answer(exchange.getMessage(), code.status().value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    Mappers.WEB.writeValueAsBytes(problems.problem(code, request == null ? "/" : request.getRequestURI())));
            if (code.retryAfterSeconds() > 0) {
                exchange.getMessage().setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(code.retryAfterSeconds()));
            }
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    static ProblemCode code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiProblemException refused) {
                return refused.code();
            }
            if (t instanceof RequestBodyLimit.TooLarge) {
                return ProblemCode.PAYLOAD_TOO_LARGE;
            }
        }
        return ProblemCode.unexpected(e);
    }
}
