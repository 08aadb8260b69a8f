package nl.signaalpoort.api;

import java.net.URI;
import org.springframework.http.ProblemDetail;

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
}
