package nl.signaalpoort.intake;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * The gateway's ids for accepted signals: time-ordered UUIDs (RFC 9562 version 7, a millisecond
 * timestamp then random bits, increasing within a millisecond too). A random id puts each new
 * signal's entry in the primary key, the outbox's signal index and the audit trail's subject index
 * on a random page, which stops fitting in memory as the tables grow; a time-ordered one lands
 * next to the entries made just before it (issue 16, docs/benchmarks.md). The id tells only the
 * millisecond of its receipt, which the receipt states anyway.
 */
final class SignalIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private SignalIds() {
    }

    static UUID next() {
        return GENERATOR.generate();
    }
}
