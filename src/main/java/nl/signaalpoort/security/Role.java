package nl.signaalpoort.security;

/** What a client certificate's organisation may do. */
public enum Role {
    PARTNER,
    MUNICIPALITY;

    public String authority() {
        return "ROLE_" + name();
    }
}
