package nl.signaalpoort.security.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.api.ProblemWriter;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RateLimits} right after authentication, before any work: a REST request over the
 * limit is answered {@code 429 TOO_MANY_REQUESTS} (problem+json) with {@code Retry-After}. A SOAP
 * request is marked and refused by the SOAP channel as a fault with the same code and header.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    /** Request attribute: the wait (a {@link Duration}) of a SOAP request over the limit. */
    public static final String REFUSED = RateLimitFilter.class.getName() + ".refused";

    private final RateLimits limits;
    private final ProblemWriter problems;

    public RateLimitFilter(RateLimits limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OrganisationPrincipal caller
                && caller.role() != Role.OPERATOR) {
            Optional<Duration> wait = limits.refusal(caller.organisationId());
            if (wait.isPresent()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RateLimits.retryAfterSeconds(wait.get())));
                if (request.getRequestURI().startsWith("/soap/")) {
                    request.setAttribute(REFUSED, wait.get());
                } else {
                    problems.write(request, response, ProblemCode.TOO_MANY_REQUESTS);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
