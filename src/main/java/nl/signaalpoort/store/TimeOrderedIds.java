package nl.signaalpoort.store;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * The gateway's ids for what it stores by UUID (accepted signals, blocks of audit entries):
 * time-ordered UUIDs (RFC 9562 version 7, a millisecond timestamp then random bits, increasing
 * within a millisecond too). A random id puts each new row's entry in the primary key and the
 * indexes that repeat it on a random page, which stops fitting in memory as the tables grow; a
 * time-ordered one lands next to the entries made just before it (issue 16, docs/benchmarks.md).
 * The id tells only the millisecond it was made, which the receipt states anyway.
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
