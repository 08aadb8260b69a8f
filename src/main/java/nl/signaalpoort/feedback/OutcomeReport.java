package nl.signaalpoort.feedback;

import java.time.LocalDate;
import java.util.UUID;

/** A municipality's outcome for one of its signals; {@code finalOutcome} false marks an interim registration. */
public record OutcomeReport(UUID signalId, MunicipalOutcome outcome, boolean finalOutcome, LocalDate date) {
}
