package nl.signaalpoort.security;

import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/** Maps a certificate's OIN to a registered partner or municipality; an unknown OIN is not let in. */
@Component
public class OrganisationDirectory implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final PartnerRegistry partners;
    private final MunicipalityRegistry municipalities;

    public OrganisationDirectory(PartnerRegistry partners, MunicipalityRegistry municipalities) {
        this.partners = partners;
        this.municipalities = municipalities;
    }

    @Override
    public OrganisationPrincipal loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        String oin = String.valueOf(token.getPrincipal());
        return partners.byOin(oin)
                .map(p -> new OrganisationPrincipal(oin, Role.PARTNER, p.id()))
                .or(() -> municipalities.byOin(oin).map(m -> new OrganisationPrincipal(oin, Role.MUNICIPALITY, m.code())))
                .orElseThrow(() -> new UsernameNotFoundException("no registered organisation for this certificate"));
    }
}
