package nl.signaalpoort.audit;

import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.store.AuditRepository;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import nl.signaalpoort.store.AuditRepository.Block;
import nl.signaalpoort.store.AuditRepository.ChainHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains new audit entries (route audit-seal): under the head row's lock, the oldest queued blocks
 * are taken off the queue and each of their entries in turn gets the next sequence number and the
 * hash over the previous hash and its own fields. Two sealers at once (two nodes, an overlapping
 * election) wait for each other on that lock, so the chain never forks. Logs the new head, so a
 * rewritten chain would also have to rewrite the logs.
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
        for (Sealed sealed; (sealed = sealChunk()).blocks() > 0; ) {
            total += sealed.entries();
        }
        if (total > 0) {
            ChainHead head = repository.head();
            LOG.info("audit sealed entries={} head={}:{}", total, head.lastSeq(), head.lastHash());
        }
        return total;
    }

    private record Sealed(int blocks, int entries) {
    }

    private Sealed sealChunk() {
        Sealed sealed = transactions.execute(tx -> {
            ChainHead head = repository.lockHead();
            List<Block> blocks = repository.queued(CHUNK);
            if (blocks.isEmpty()) {
                return new Sealed(0, 0);
            }
            List<AuditRow> rows = repository.entriesOf(blocks);
            int recorded = blocks.stream().mapToInt(Block::entries).sum();
            if (rows.size() != recorded) {
                // Entries changed before they were chained: chain what is there (stopping would leave
                // every later entry unsealed too) and say so; the block ids show where.
                LOG.error("audit blocks {} recorded {} entries and hold {}", blocks.stream().map(Block::blockId).toList(), recorded,
                        rows.size());
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
            repository.seal(blocks, chained, new ChainHead(seq, hash));
            return new Sealed(blocks.size(), rows.size());
        });
        return sealed == null ? new Sealed(0, 0) : sealed;
    }
}
