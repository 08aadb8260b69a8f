package nl.signaalpoort.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.intake.SignalBinder;
import nl.signaalpoort.intake.Submission;

/**
 * Reads a request body holding one signal (an object) or a batch (an array). Each signal is bound
 * on its own, so one signal with a bad field is rejected with that field's name while the rest of
 * the batch goes on. Strict: unknown fields, fractional counts and over-precise amounts are refused.
 */
public final class SignalJsonReader {

    private final int maxBatchSize;

    public SignalJsonReader(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public List<Submission> read(byte[] body) {
        JsonNode root;
        try {
            root = SignalBinder.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiProblemException(ProblemCode.MALFORMED_JSON);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new ApiProblemException(ProblemCode.MALFORMED_JSON);
        }
        if (root.isObject()) {
            return List.of(SignalBinder.bind(root));
        }
        if (root.isEmpty()) {
            throw new ApiProblemException(ProblemCode.EMPTY_BATCH);
        }
        if (root.size() > maxBatchSize) {
            throw new ApiProblemException(ProblemCode.BATCH_TOO_LARGE);
        }
        List<Submission> submissions = new ArrayList<>(root.size());
        root.forEach(node -> submissions.add(SignalBinder.bind(node)));
        return submissions;
    }
}
