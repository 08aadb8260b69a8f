package nl.signaalpoort.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.json.Mappers;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.signing.PayloadSigner;
import nl.signaalpoort.store.AuditRepository;
import org.springframework.stereotype.Service;

/**
 * Issues {@link SignalStatement}s, signed by the gateway's key (the one its REST deliveries are
 * signed with): the statement's JSON is the payload of a compact JWS, so it can be checked with the
 * published gateway certificate alone. Only entries the audit trail has sealed are named; each
 * statement issued is itself audited.
 */
@Service
public class SignalStatements {

    private final SignalStatuses statuses;
    private final AuditRepository auditTrail;
    private final AuditTrail audit;
    private final PayloadSigner signer;
    private final Clock clock;

    public SignalStatements(SignalStatuses statuses, AuditRepository auditTrail, AuditTrail audit, PayloadSigner signer, Clock clock) {
        this.statuses = statuses;
        this.auditTrail = auditTrail;
        this.audit = audit;
        this.signer = signer;
        this.clock = clock;
    }

    public SignalStatement.Signed byId(Partner partner, UUID signalId) {
        return issue(partner, statuses.byId(partner.id(), signalId));
    }

    public SignalStatement.Signed byReference(Partner partner, String reference) {
        return issue(partner, statuses.byReference(partner.id(), reference));
    }

    private SignalStatement.Signed issue(Partner partner, SignalStatus status) {
        List<SignalStatement.AuditReference> sealed = auditTrail.about(status.signalId().toString()).stream()
                .filter(row -> row.chainSeq() != null && AuditEntry.SubjectType.SIGNAL.name().equals(row.subjectType()))
                .map(row -> new SignalStatement.AuditReference(row.chainSeq(), row.entryHash(), row.action(), row.occurredAt()))
                .toList();
        SignalStatement statement = new SignalStatement(SignalStatement.TYPE, status.signalId(), status.reference(),
                new SignalStatement.Party(partner.id(), partner.oin()), status.acceptedAt(), status.ruleSet(), status.state(),
                status.municipalityCode(), status.deliveredAt(), status.withdrawal() == null ? null : status.withdrawal().withdrawnAt(),
                sealed, clock.instant());
        String jws;
        try {
            jws = signer.signDocument(Mappers.OUTBOUND.writeValueAsBytes(statement));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the statement cannot be written", e);
        }
        audit.record(AuditEntry.aboutSignal(AuditEntry.Actor.partner(partner.oin()), AuditAction.STATEMENT_ISSUED, status.signalId(),
                "state", status.state(), "auditEntries", sealed.size()));
        return new SignalStatement.Signed(statement, jws);
    }
}
