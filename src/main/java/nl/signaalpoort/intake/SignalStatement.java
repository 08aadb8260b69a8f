package nl.signaalpoort.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The gateway's statement of what it did with one signal, for the partner that sent it (a landlord
 * shows that early signalling happened before it goes to court): which signal, from whom, accepted
 * when under which rules, delivered when and to which municipality, withdrawn when, and the sealed
 * audit entries that record it (their place in the chain and their hash, to be checked against
 * the audit trail). Nothing about the resident.
 */
public record SignalStatement(String type, UUID signalId, String reference, Party partner, Instant acceptedAt,
        SignalStatus.RuleSetVersion ruleSet, SignalStatus.State state, String municipalityCode, Instant deliveredAt, Instant withdrawnAt,
        List<AuditReference> auditTrail, Instant issuedAt) {

    /** What the document is, and which version of its shape. */
    public static final String TYPE = "signaalpoort-signal-statement-v1";

    /** The partner by its registry id and OIN. */
    public record Party(String id, String oin) {
    }

    /** A sealed audit entry about the signal: where it is in the chain, its hash, what and when. */
    public record AuditReference(long chainSeq, String entryHash, String action, Instant occurredAt) {
    }

    /** The statement as signed: {@code jws} is a compact JWS whose payload is this statement's JSON. */
    public record Signed(SignalStatement statement, String jws) {
    }
}
