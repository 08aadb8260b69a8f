package nl.signaalpoort.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import nl.signaalpoort.json.Mappers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes a problem+json answer straight to a servlet response, for what refuses a request before
 * (or outside) Spring MVC: the security filters, the body limit, the Camel REST routes.
 */
@Component
public class ProblemWriter {

    private final Messages messages;

    public ProblemWriter(Messages messages) {
        this.messages = messages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode code) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (code.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(code.retryAfterSeconds()));
        }
        ProblemDetail problem = Problems.of(code, messages);
        problem.setInstance(Problems.instance(request));
        Mappers.WEB.writeValue(response.getOutputStream(), problem);
    }

    /** The body of a problem answer for a request to {@code path}. */
    public ProblemDetail problem(ProblemCode code, String path) {
        ProblemDetail problem = Problems.of(code, messages);
        problem.setInstance(URI.create(path));
        return problem;
    }
}
