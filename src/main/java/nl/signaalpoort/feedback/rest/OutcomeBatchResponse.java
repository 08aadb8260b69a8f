package nl.signaalpoort.feedback.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.feedback.BulkOutcomes;

/** The answer to a bulk report: one result per item, in request order, and how many were recorded and refused. */
public record OutcomeBatchResponse(List<ItemResult> results, int recorded, int refused) {

    static OutcomeBatchResponse of(List<ItemResult> results) {
        int recorded = (int) results.stream().filter(r -> r.status() == Status.RECORDED).count();
        return new OutcomeBatchResponse(results, recorded, results.size() - recorded);
    }

    public enum Status { RECORDED, REFUSED }

    /**
     * A recorded item carries what a single report answers; a refused one the problem code a single
     * report would get and a sentence about it (never the item's content).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(Status status, UUID signalId, String outcome, Boolean finalOutcome, String partnerFeedbackCode,
            LocalDate collectionPausedUntil, Boolean repeated, String code, String message) {

        static ItemResult of(BulkOutcomes.Result result, Messages messages) {
            if (!result.isRecorded()) {
                return new ItemResult(Status.REFUSED, result.signalId(), null, null, null, null, null, result.refused().name(),
                        messages.problem(result.refused()));
            }
            OutcomeResponse ok = OutcomeResponse.of(result);
            return new ItemResult(Status.RECORDED, ok.signalId(), ok.outcome(), ok.finalOutcome(), ok.partnerFeedbackCode(),
                    ok.collectionPausedUntil(), ok.repeated(), null, null);
        }
    }
}
