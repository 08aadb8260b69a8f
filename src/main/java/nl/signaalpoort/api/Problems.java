package nl.signaalpoort.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Builds the problem+json bodies (RFC 9457) every error of the API is answered with: a stable
 * {@code code}, a {@code title} naming the problem and a {@code detail} saying what the caller can
 * do about it, both fixed sentences per code in the caller's language. Never the caller's input.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://signaalpoort.nl/problems/";

    private Problems() {
    }

    public static ProblemDetail of(ProblemCode code, Messages messages) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), messages.problemDetail(code));
        problem.setType(URI.create(TYPE_PREFIX + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(messages.problem(code));
        problem.setProperty("code", code.name());
        return problem;
    }

    /**
     * The problem's {@code instance}: the operation's path template ({@code /api/v1/outcomes},
     * {@code /api/v1/monitor/ddas/{period}}), never the path as sent, whose segments a caller may
     * have filled with anything, personal data included; {@code /} before (or without) a matched
     * operation, as in the security filters.
     */
    public static URI instance(HttpServletRequest request) {
        Object template = request == null ? null : request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        try {
            // The multi-argument constructor quotes the template's braces.
            return new URI(null, null, template == null ? "/" : template.toString(), null);
        } catch (URISyntaxException e) {
            return URI.create("/");
        }
    }
}
