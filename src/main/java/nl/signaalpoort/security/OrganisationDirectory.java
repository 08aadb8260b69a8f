package nl.signaalpoort.security;

import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/** Maps a certificate's OIN to a registered partner, municipal organisation or operator; an unknown OIN is not let in. */
@Component
public class OrganisationDirectory implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final PartnerRegistry partners;
    private final MunicipalityRegistry municipalities;
    private final OperatorProperties operators;

    public OrganisationDirectory(PartnerRegistry partners, MunicipalityRegistry municipalities, OperatorProperties operators) {
        this.partners = partners;
        this.municipalities = municipalities;
        this.operators = operators;
    }

    @Override
    public OrganisationPrincipal loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        String oin = String.valueOf(token.getPrincipal());
        return partners.byOin(oin)
                .map(p -> new OrganisationPrincipal(oin, Role.PARTNER, p.id()))
                .or(() -> municipalities.organisationByOin(oin)
                        .map(m -> new OrganisationPrincipal(oin, Role.MUNICIPALITY, m.id(), m.codes())))
                .or(() -> operators.oins().contains(oin)
                        ? java.util.Optional.of(new OrganisationPrincipal(oin, Role.OPERATOR, "operator-" + oin))
                        : java.util.Optional.empty())
                .orElseThrow(() -> new UsernameNotFoundException("no registered organisation for this certificate"));
    }
}
