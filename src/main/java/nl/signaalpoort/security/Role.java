package nl.signaalpoort.security;

/** What a client certificate's organisation may do. */
public enum Role {
    PARTNER,
    MUNICIPALITY,
    /** People who run the gateway: ids, counts, dead letters, replay; never personal data. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
