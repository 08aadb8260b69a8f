package nl.signaalpoort.intake.rest;

import java.util.List;
import java.util.UUID;
import nl.signaalpoort.intake.ReceiptStatus;

/** A receipt as the REST contract shows it (contracts/openapi/signaalpoort-v1.yaml#/components/schemas/Receipt). */
public record ReceiptView(String reference, UUID signalId, ReceiptStatus status, boolean duplicate, List<ReasonView> reasons,
        List<ReasonView> warnings) {

    public record ReasonView(String code, String field, String message) {
    }
}
