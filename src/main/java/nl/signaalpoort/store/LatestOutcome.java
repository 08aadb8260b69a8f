package nl.signaalpoort.store;

import java.time.LocalDate;

/** The most recent outcome a municipality reported for a signal. */
public record LatestOutcome(String outcome, boolean finalOutcome, LocalDate date) {
}
