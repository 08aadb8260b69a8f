package nl.signaalpoort.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.api.Problems;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers requests the security filters refuse with problem+json, like every other API error. */
@Component
public class ProblemResponder {

    private final Messages messages;
    private final ObjectMapper mapper;

    public ProblemResponder(Messages messages, ObjectMapper mapper) {
        this.messages = messages;
        this.mapper = mapper;
    }

    public AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> write(response, ProblemCode.CLIENT_CERTIFICATE_REQUIRED);
    }

    public AccessDeniedHandler accessDenied() {
        return (request, response, e) -> write(response, ProblemCode.FORBIDDEN);
    }

    private void write(HttpServletResponse response, ProblemCode code) throws IOException {
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), Problems.of(code, messages));
    }
}
