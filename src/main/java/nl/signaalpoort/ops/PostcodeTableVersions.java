package nl.signaalpoort.ops;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.audit.AuditAction;
import nl.signaalpoort.audit.AuditEntry;
import nl.signaalpoort.audit.AuditTrail;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.Checksums;
import nl.signaalpoort.routing.PostcodeTable;
import nl.signaalpoort.routing.PostcodeTables;
import nl.signaalpoort.store.PostcodeTableRepository;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Versions of the postcode table while the gateway runs: an operator loads a table for today (a
 * correction, in force for signals received from then on) or a later day; it is checked whole, kept in the database, audited, and installed on this node at
 * once and on every other node by {@link #refresh} (route {@code postcode-tables}). From its day on,
 * signals are routed by it, without a restart.
 */
@Component(Routes.POSTCODE_TABLE_VERSIONS)
public class PostcodeTableVersions {

    private static final Logger LOG = LoggerFactory.getLogger(PostcodeTableVersions.class);

    /** A table refused by its checks: the message names the line, never a value. */
    public static final class InvalidTableException extends RuntimeException {
        InvalidTableException(String message) {
            super(message, null, false, false);
        }
    }

    private final PostcodeTables tables;
    private final PostcodeTableRepository repository;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PostcodeTableVersions(PostcodeTables tables, PostcodeTableRepository repository, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.tables = tables;
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** At start-up: the versions kept in the database are in force before the first signal is taken. */
    @PostConstruct
    void installKeptVersions() {
        refresh();
    }

    /** Checks, keeps and installs a version; one loaded before for the same day is replaced. */
    public PostcodeTableRepository.Version load(LocalDate effectiveFrom, byte[] csv, String operatorOin) {
        if (effectiveFrom.isBefore(tables.today())) {
            throw new ApiProblemException(ProblemCode.POSTCODE_TABLE_IN_THE_PAST);
        }
        PostcodeTable table;
        try {
            table = PostcodeTable.read(new ByteArrayInputStream(csv), "the uploaded table");
        } catch (IllegalStateException refused) {
            throw new InvalidTableException(refused.getMessage());
        }
        String sha256 = Checksums.sha256(csv);
        transactions.executeWithoutResult(tx -> {
            repository.save(effectiveFrom, sha256, table.size(), csv, clock.instant(), operatorOin);
            audit.record(AuditEntry.about(AuditEntry.Actor.operator(operatorOin), AuditAction.POSTCODE_TABLE_LOADED,
                    AuditEntry.SubjectType.POSTCODE_TABLE, effectiveFrom.toString(), "rows", table.size(), "sha256", sha256));
        });
        tables.install(effectiveFrom, sha256, table);
        LOG.info("postcode table loaded effectiveFrom={} rows={} sha256={}", effectiveFrom, table.size(), sha256.substring(0, 12));
        return repository.versions().stream().filter(v -> v.effectiveFrom().equals(effectiveFrom)).findFirst().orElseThrow();
    }

    public List<PostcodeTableRepository.Version> versions() {
        return repository.versions();
    }

    /** Installs every kept version this node does not have yet (loaded on another node, or before a restart). */
    public int refresh() {
        int installed = 0;
        LocalDate today = tables.today();
        List<PostcodeTableRepository.Version> versions = repository.versions();
        for (int i = 0; i < versions.size(); i++) {
            PostcodeTableRepository.Version v = versions.get(i);
            boolean superseded = i + 1 < versions.size() && !versions.get(i + 1).effectiveFrom().isAfter(today);
            if (superseded || tables.has(v.effectiveFrom(), v.sha256())) {
                continue;
            }
            byte[] csv = repository.content(v.effectiveFrom()).orElseThrow();
            tables.install(v.effectiveFrom(), v.sha256(), PostcodeTable.read(new ByteArrayInputStream(csv), "version " + v.effectiveFrom()));
            installed++;
            LOG.info("postcode table installed effectiveFrom={} rows={}", v.effectiveFrom(), v.rows());
        }
        return installed;
    }
}
