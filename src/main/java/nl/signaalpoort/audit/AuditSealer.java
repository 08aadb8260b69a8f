package nl.signaalpoort.audit;

import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.store.AuditRepository;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import nl.signaalpoort.store.AuditRepository.ChainHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains new audit entries (route audit-seal): under the head row's lock, each unsealed entry in
 * turn gets the next sequence number and the hash over the previous hash and its own fields. Two
 * sealers at once (two nodes, an overlapping election) wait for each other on that lock, so the
 * chain never forks. Logs the new head, so a rewritten chain would also have to rewrite the logs.
 */
@Component(Routes.AUDIT_SEALER)
public class AuditSealer {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSealer.class);
    private static final int CHUNK = 1_000;

    private final AuditRepository repository;
    private final TransactionTemplate transactions;

    public AuditSealer(AuditRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    /** Seals everything unsealed; returns how many entries. */
    public int sealAll() {
        int total = 0;
        for (int sealed; (sealed = sealChunk()) > 0; ) {
            total += sealed;
        }
        if (total > 0) {
            ChainHead head = repository.head();
            LOG.info("audit sealed entries={} head={}:{}", total, head.lastSeq(), head.lastHash());
        }
        return total;
    }

    private int sealChunk() {
        Integer sealed = transactions.execute(tx -> {
            ChainHead head = repository.lockHead();
            List<AuditRow> rows = repository.unsealed(CHUNK);
            if (rows.isEmpty()) {
                return 0;
            }
            long seq = head.lastSeq();
            String hash = head.lastHash();
            List<AuditRow> chained = new ArrayList<>(rows.size());
            for (AuditRow row : rows) {
                seq++;
                hash = AuditChain.hash(hash, seq, row);
                chained.add(new AuditRow(row.auditId(), row.occurredAt(), row.actorRole(), row.actorOin(), row.action(),
                        row.subjectType(), row.subjectId(), row.detail(), seq, hash));
            }
            repository.seal(chained, new ChainHead(seq, hash));
            return rows.size();
        });
        return sealed == null ? 0 : sealed;
    }
}
