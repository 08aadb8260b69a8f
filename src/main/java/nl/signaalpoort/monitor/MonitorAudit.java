package nl.signaalpoort.monitor;

import java.time.YearMonth;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import org.springframework.stereotype.Component;

/** Every page of a monitor export that left the gateway, with personal data in it, is in the audit trail: counts only. */
@Component
public class MonitorAudit {

    /** How the page left: read over the API, or written as a file into the municipality's folder. */
    public enum Channel {
        REST,
        FILE
    }

    private final AuditTrail trail;

    public MonitorAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public void exported(String callerOin, String municipalityCode, YearMonth period, DdasExport.Page page, Channel channel) {
        AuditEntry.Actor actor = callerOin == null ? AuditEntry.Actor.GATEWAY : AuditEntry.Actor.municipality(callerOin);
        trail.record(AuditEntry.about(actor, AuditAction.MONITOR_EXPORTED, AuditEntry.SubjectType.MUNICIPALITY, municipalityCode,
                "period", period, "page", page.number(), "pages", page.pages(), "signals", page.signals(), "cases", page.cases(),
                "withheld", page.withheld(), "channel", channel));
    }
}
