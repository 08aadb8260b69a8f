package nl.signaalpoort.audit;

import java.util.List;
import nl.signaalpoort.store.AuditRepository;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import nl.signaalpoort.store.AuditRepository.ChainHead;
import org.springframework.stereotype.Component;

/**
 * Walks the whole sealed chain and recomputes every hash, and counts entries that are in no block
 * still queued and not in the chain: the check that no sealed entry was changed, removed or added.
 */
@Component
public class AuditVerifier {

    /**
     * @param intact      every sealed entry hashes to what the chain says, in an unbroken sequence, up to the head
     * @param sealed      entries checked
     * @param unsealed    entries recorded but not yet chained (not yet tamper-evident)
     * @param unchained   entries neither chained nor waiting to be: added after their block was sealed
     * @param brokenAt    the first sequence number where the chain does not hold, if any
     * @param headSeq     the head's sequence number
     * @param headHash    the head's hash (compare with the one last logged or exported)
     */
    public record Verdict(boolean intact, long sealed, long unsealed, long unchained, Long brokenAt, long headSeq, String headHash) {
    }

    private static final int PAGE = 5_000;

    private final AuditRepository repository;

    public AuditVerifier(AuditRepository repository) {
        this.repository = repository;
    }

    public Verdict verify() {
        ChainHead head = repository.head();
        long expectedSeq = 0;
        String hash = AuditChain.GENESIS;
        List<AuditRow> page;
        while (!(page = repository.sealedAfter(expectedSeq, PAGE)).isEmpty()) {
            for (AuditRow row : page) {
                long seq = expectedSeq + 1;
                // No action: the chain names an entry that is gone.
                if (row.chainSeq() != seq || row.action() == null || !AuditChain.hash(hash, seq, row).equals(row.entryHash())) {
                    return new Verdict(false, expectedSeq, repository.countUnsealed(), repository.countUnchained(), seq, head.lastSeq(),
                            head.lastHash());
                }
                hash = row.entryHash();
                expectedSeq = seq;
            }
        }
        boolean chainHolds = expectedSeq == head.lastSeq() && hash.equals(head.lastHash());
        long unchained = repository.countUnchained();
        return new Verdict(chainHolds && unchained == 0, expectedSeq, repository.countUnsealed(), unchained,
                chainHolds ? null : expectedSeq + 1, head.lastSeq(), head.lastHash());
    }
}
