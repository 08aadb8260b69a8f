package nl.signaalpoort.intake.rest;

import java.util.List;

/**
 * The answer to {@code POST /api/v1/signals}: counts and one receipt per signal, in request order;
 * {@code dryRun} true for a dry run (nothing kept), absent otherwise.
 */
public record SubmissionResponse(int accepted, int rejected, List<ReceiptView> receipts, Boolean dryRun) {
}
