package nl.signaalpoort.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The organisation behind a client certificate: a partner or a municipality, by the gateway's own
 * id (partner id or municipality code) and its OIN.
 */
public class OrganisationPrincipal extends User {

    private final String oin;
    private final Role role;
    private final String organisationId;

    public OrganisationPrincipal(String oin, Role role, String organisationId) {
        super(oin, "", List.of(new SimpleGrantedAuthority(role.authority())));
        this.oin = oin;
        this.role = role;
        this.organisationId = organisationId;
    }

    public String oin() {
        return oin;
    }

    public Role role() {
        return role;
    }

    /** The partner id or the municipality code. */
    public String organisationId() {
        return organisationId;
    }
}
