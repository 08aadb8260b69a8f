package nl.signaalpoort.api;

import java.net.URI;
import org.springframework.http.ProblemDetail;

/** Builds the problem+json bodies (RFC 9457) every error of the API is answered with. */
public final class Problems {

    public static final String TYPE_PREFIX = "https://signaalpoort.nl/problems/";

    private Problems() {
    }

    public static ProblemDetail of(ProblemCode code, String title) {
        ProblemDetail problem = ProblemDetail.forStatus(code.status());
        problem.setType(URI.create(TYPE_PREFIX + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code.name());
        return problem;
    }
}
