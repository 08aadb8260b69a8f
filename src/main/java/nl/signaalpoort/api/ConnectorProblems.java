package nl.signaalpoort.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of the error report valve Spring Boot gives the
 * Tomcat host, after Boot's own customizer has added its one. Bodies are fixed at start-up, in
 * the partners' contract language (Dutch): the connector's refusals come before any header is read.
 */
@Component
class ConnectorProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final ProblemWriter problems;

    ConnectorProblems(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Map<ProblemCode, byte[]> bodies = new EnumMap<>(ProblemCode.class);
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(DUTCH);
        try {
            // Every code, so whatever ProblemErrorReportValve.codeFor answers has its body.
            for (ProblemCode code : ProblemCode.values()) {
                bodies.put(code, ProblemErrorReportValve.body(problems, code));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve(bodies));
            if (host instanceof StandardHost standard) {
                // So the host does not add a valve of its default class when it starts.
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
