package nl.signaalpoort.intake.rest;

import java.util.List;

/** The answer to {@code POST /api/v1/signals}: counts and one receipt per signal, in request order. */
public record SubmissionResponse(int accepted, int rejected, List<ReceiptView> receipts) {
}
