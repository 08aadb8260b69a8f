package nl.signaalpoort.feedback;

import java.util.Set;

/**
 * Who reports an outcome: the OIN of the municipal certificate (a municipality's own or its
 * shared-service team's) and the municipality codes it acts for. A signal of any other
 * municipality is unknown to it.
 */
public record OutcomeReporter(String oin, Set<String> municipalities) {

    public OutcomeReporter {
        municipalities = Set.copyOf(municipalities);
    }

    boolean actsFor(String municipalityCode) {
        return municipalities.contains(municipalityCode);
    }
}
