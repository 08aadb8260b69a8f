package nl.signaalpoort.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.signaalpoort.store.AuditRepository.AuditRow;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final AuditRow ROW = new AuditRow(7, Instant.parse("2026-11-23T10:15:30.123456Z"), "PARTNER",
            "00000099000000000101", "SIGNAL_ACCEPTED", "SIGNAL", "3f1c2a9e-6b7d-4c1e-9a55-0d2f8e7b6a41", "channel=rest", null, null);

    @Test
    void everyFieldAndThePreviousHashCount() {
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, ROW);

        assertThat(hash).hasSize(64).isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, ROW));
        assertThat(AuditChain.hash(hash, 1, ROW)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 2, ROW)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, new AuditRow(7, ROW.occurredAt(), "PARTNER", ROW.actorOin(), ROW.action(),
                ROW.subjectType(), ROW.subjectId(), "channel=soap", null, null))).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, new AuditRow(7, ROW.occurredAt().plusNanos(1000), "PARTNER",
                ROW.actorOin(), ROW.action(), ROW.subjectType(), ROW.subjectId(), ROW.detail(), null, null))).isNotEqualTo(hash);
    }

    @Test
    void anAbsentValueIsNotAnEmptyOne() {
        AuditRow absent = new AuditRow(7, ROW.occurredAt(), "GATEWAY", null, "SIGNAL_DELIVERED", "SIGNAL", "x", null, null, null);
        AuditRow empty = new AuditRow(7, ROW.occurredAt(), "GATEWAY", "", "SIGNAL_DELIVERED", "SIGNAL", "x", null, null, null);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, absent)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, empty));
    }

    @Test
    void detailsAreCodesInOrder() {
        assertThat(AuditEntry.details("municipality", "GM0363", "batch", null, "items", 3)).isEqualTo("municipality=GM0363;items=3");
        assertThatThrownBy(() -> AuditEntry.details("lonely")).isInstanceOf(IllegalArgumentException.class);
    }
}
