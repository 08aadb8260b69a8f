package nl.signaalpoort.audit;

import java.util.StringJoiner;
import java.util.UUID;

/**
 * One thing that happened, as the audit trail keeps it: who (role, and OIN unless the gateway did
 * it itself), what, to which subject, with details as {@code key=value} codes. Never personal
 * data: subjects are gateway ids, partner references, file checksums, route ids; details are
 * codes, counts and ids.
 */
public record AuditEntry(Actor actor, AuditAction action, SubjectType subjectType, String subjectId, String detail) {

    /** Who acted. */
    public enum Role {
        PARTNER,
        MUNICIPALITY,
        OPERATOR,
        GATEWAY
    }

    /** What an entry is about. */
    public enum SubjectType {
        SIGNAL,
        REFERENCE,
        FILE,
        PARTNER,
        OUTBOX,
        ROUTE,
        POSTCODE_TABLE,
        MUNICIPALITY
    }

    /** An organisation by its OIN, or the gateway itself. */
    public record Actor(Role role, String oin) {

        public static final Actor GATEWAY = new Actor(Role.GATEWAY, null);

        public static Actor partner(String oin) {
            return new Actor(Role.PARTNER, oin);
        }

        public static Actor municipality(String oin) {
            return new Actor(Role.MUNICIPALITY, oin);
        }

        public static Actor operator(String oin) {
            return new Actor(Role.OPERATOR, oin);
        }
    }

    /** An entry about a signal; details as name, value, name, value... */
    public static AuditEntry aboutSignal(Actor actor, AuditAction action, UUID signalId, Object... details) {
        return new AuditEntry(actor, action, SubjectType.SIGNAL, signalId.toString(), details(details));
    }

    /** An entry about another subject; details as name, value, name, value... */
    public static AuditEntry about(Actor actor, AuditAction action, SubjectType type, String subjectId, Object... details) {
        return new AuditEntry(actor, action, type, subjectId, details(details));
    }

    /** {@code a=1;b=x} in the order given, leaving out absent values. */
    static String details(Object... details) {
        if (details.length % 2 != 0) {
            throw new IllegalArgumentException("details come in name, value pairs");
        }
        StringJoiner joined = new StringJoiner(";");
        for (int i = 0; i < details.length; i += 2) {
            if (details[i + 1] != null) {
                joined.add(details[i] + "=" + details[i + 1]);
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }
}
