package nl.signaalpoort.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The organisation behind a client certificate: a partner, a municipal organisation (a
 * municipality, or a shared-service team acting for several) or an operator, by the gateway's own
 * id and its OIN.
 */
public class OrganisationPrincipal extends User {

    private final String oin;
    private final Role role;
    private final String organisationId;
    private final Set<String> municipalities;

    public OrganisationPrincipal(String oin, Role role, String organisationId) {
        this(oin, role, organisationId, Set.of());
    }

    public OrganisationPrincipal(String oin, Role role, String organisationId, Set<String> municipalities) {
        super(oin, "", List.of(new SimpleGrantedAuthority(role.authority())));
        this.oin = oin;
        this.role = role;
        this.organisationId = organisationId;
        this.municipalities = Set.copyOf(municipalities);
    }

    /** For a municipal organisation: the municipality codes it acts for (empty for anyone else). */
    public Set<String> municipalities() {
        return municipalities;
    }

    public String oin() {
        return oin;
    }

    public Role role() {
        return role;
    }

    /** The partner id, the municipal organisation's id (a municipality's own: its code) or the operator's. */
    public String organisationId() {
        return organisationId;
    }
}
