package nl.signaalpoort.feedback.rest;

import java.time.LocalDate;
import java.util.UUID;

/** Body of {@code POST /api/v1/outcomes}. {@code outcome} is a code of MunicipalOutcome; {@code final} defaults to true. */
public record OutcomeRequest(UUID signalId, String outcome, Boolean finalOutcome, LocalDate date) {
}
