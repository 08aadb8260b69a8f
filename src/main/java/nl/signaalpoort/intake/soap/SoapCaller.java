package nl.signaalpoort.intake.soap;

import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.security.OrganisationPrincipal;
import nl.signaalpoort.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the organisation of the client certificate, as the security layer established it
 * for this request (the same mutual TLS identity as REST). SOAP answers with a fault, not a 401.
 */
final class SoapCaller {

    private SoapCaller() {
    }

    /** The caller, if it presented a certificate of a registered organisation. */
    static OrganisationPrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof OrganisationPrincipal p ? p : null;
    }

    /** The caller in {@code role}, or a refusal with the same codes as REST. */
    static OrganisationPrincipal require(Role role) {
        OrganisationPrincipal caller = current();
        if (caller == null) {
            throw new ApiProblemException(ProblemCode.CLIENT_CERTIFICATE_REQUIRED);
        }
        if (caller.role() != role) {
            throw new ApiProblemException(ProblemCode.FORBIDDEN);
        }
        return caller;
    }
}
