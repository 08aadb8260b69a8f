package nl.signaalpoort.feedback.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.feedback.BulkOutcomes;
import nl.signaalpoort.feedback.OutcomeReporter;
import nl.signaalpoort.json.Mappers;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/outcomes}: a municipal organisation reports the outcome of a signal it
 * received (a JSON object, answered 201), or of many at once (a JSON array of at most the signal
 * batch limit, answered 200 with one result per item, in order).
 */
@RestController
public class OutcomeController {

    private final BulkOutcomes outcomes;
    private final Messages messages;
    private final int maxItems;

    /** {@code maxItems}: the signal batch limit, the same setting (feedback does not reach into intake). */
    public OutcomeController(BulkOutcomes outcomes, Messages messages, @Value("${signaalpoort.intake.max-batch-size}") int maxItems) {
        this.outcomes = outcomes;
        this.messages = messages;
        this.maxItems = maxItems;
    }

    @PostMapping(path = "/api/v1/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> report(@AuthenticationPrincipal OrganisationPrincipal caller, @RequestBody JsonNode body) {
        OutcomeReporter reporter = new OutcomeReporter(caller.oin(), caller.municipalities());
        if (body != null && body.isObject()) {
            BulkOutcomes.Result result = outcomes.report(reporter, List.of(item(body))).get(0);
            if (!result.isRecorded()) {
                throw new ApiProblemException(result.refused());
            }
            return ResponseEntity.status(HttpStatus.CREATED).body(OutcomeResponse.of(result));
        }
        if (body == null || !body.isArray()) {
            throw new ApiProblemException(ProblemCode.MALFORMED_JSON);
        }
        if (body.isEmpty()) {
            throw new ApiProblemException(ProblemCode.EMPTY_BATCH);
        }
        if (body.size() > maxItems) {
            throw new ApiProblemException(ProblemCode.BATCH_TOO_LARGE);
        }
        List<BulkOutcomes.Item> items = new ArrayList<>(body.size());
        body.forEach(node -> items.add(node.isObject() ? item(node) : BulkOutcomes.Item.unreadable(ProblemCode.MALFORMED_JSON)));
        List<OutcomeBatchResponse.ItemResult> results = outcomes.report(reporter, items).stream()
                .map(r -> OutcomeBatchResponse.ItemResult.of(r, messages)).toList();
        return ResponseEntity.ok(OutcomeBatchResponse.of(results));
    }

    private static BulkOutcomes.Item item(JsonNode node) {
        try {
            OutcomeRequest request = Mappers.WEB.treeToValue(node, OutcomeRequest.class);
            return BulkOutcomes.Item.of(request.signalId(), request.outcome(), request.finalOutcome(), request.date());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return BulkOutcomes.Item.unreadable(ProblemCode.MALFORMED_JSON);
        }
    }
}
