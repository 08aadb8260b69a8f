package nl.signaalpoort.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The organisation the security filters authenticated for a request, read from the request itself
 * rather than the thread: Camel's platform-http routes run on a thread of their own, where
 * {@code SecurityContextHolder} is empty. The X.509 filter keeps the context in this attribute.
 */
public final class RequestIdentity {

    private RequestIdentity() {
    }

    public static Optional<OrganisationPrincipal> of(HttpServletRequest request) {
        Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        Authentication authentication = context instanceof SecurityContext c ? c.getAuthentication() : null;
        return authentication != null && authentication.getPrincipal() instanceof OrganisationPrincipal p ? Optional.of(p)
                : Optional.empty();
    }
}
