package nl.signaalpoort.security;

import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.api.ProblemWriter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers requests the security filters refuse with problem+json, like every other API error. */
@Component
public class ProblemResponder {

    private final ProblemWriter problems;

    public ProblemResponder(ProblemWriter problems) {
        this.problems = problems;
    }

    public AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> problems.write(request, response, ProblemCode.CLIENT_CERTIFICATE_REQUIRED);
    }

    public AccessDeniedHandler accessDenied() {
        return (request, response, e) -> problems.write(request, response, ProblemCode.FORBIDDEN);
    }
}
