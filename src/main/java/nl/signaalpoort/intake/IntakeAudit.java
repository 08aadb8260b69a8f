package nl.signaalpoort.intake;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.store.NewSignal;

/**
 * The audit entries of intake: one per accepted signal (by the gateway's id) and one per rejected
 * signal (by the partner's reference, when it is a valid one: an invalid reference is never
 * kept, it could hold anything). Codes and ids only.
 */
final class IntakeAudit {

    /** The contract's reference pattern: letters, digits and {@code . _ : / -}, so never {@code ;} or {@code =}. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

    private IntakeAudit() {
    }

    static List<AuditEntry> accepted(Partner partner, Channel channel, List<NewSignal> stored) {
        AuditEntry.Actor actor = AuditEntry.Actor.partner(partner.oin());
        return stored.stream().map(s -> AuditEntry.aboutSignal(actor, AuditAction.SIGNAL_ACCEPTED, s.signalId(),
                "reference", s.signal().reference(), "channel", channel.label(), "municipality", s.municipalityCode(),
                "ruleSet", s.ruleSet().id() + "@" + s.ruleSet().version())).toList();
    }

    static List<AuditEntry> rejected(Partner partner, Channel channel, List<Receipt> receipts) {
        AuditEntry.Actor actor = AuditEntry.Actor.partner(partner.oin());
        return receipts.stream().filter(r -> r.status() == ReceiptStatus.REJECTED).map(r -> {
            String reference = r.reference() != null && REFERENCE.matcher(r.reference()).matches() ? r.reference() : null;
            return AuditEntry.about(actor, AuditAction.SIGNAL_REJECTED, AuditEntry.SubjectType.REFERENCE, reference,
                    "channel", channel.label(),
                    "reasons", r.reasons().stream().map(Rejection::code).map(Enum::name).distinct().collect(Collectors.joining(",")));
        }).toList();
    }
}
