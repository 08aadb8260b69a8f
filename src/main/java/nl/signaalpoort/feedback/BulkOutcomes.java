package nl.signaalpoort.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * Outcomes in bulk, as a municipality's case software reports them (a REST array, a SOAP batch, an
 * outcome file): each item through the one outcome service on its own, in order, so one bad item
 * refuses that item only. The result of each item is what a single report would have answered.
 */
@Component
public class BulkOutcomes {

    /** One reported outcome as the channel read it; {@code unreadable} set when the channel could not read the item. */
    public record Item(UUID signalId, String outcome, Boolean finalOutcome, LocalDate date, ProblemCode unreadable) {

        public static Item of(UUID signalId, String outcome, Boolean finalOutcome, LocalDate date) {
            return new Item(signalId, outcome, finalOutcome, date, null);
        }

        public static Item unreadable(ProblemCode why) {
            return new Item(null, null, null, null, why);
        }
    }

    /** An item's result: recorded (with what the partner hears) or refused with the code a single report would get. */
    public record Result(UUID signalId, OutcomeReport report, FeedbackService.Reported reported, ProblemCode refused) {

        public boolean isRecorded() {
            return refused == null;
        }
    }

    private final FeedbackService feedback;
    private final Clock clock;

    public BulkOutcomes(FeedbackService feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    /**
     * Reports every item in order. A refusal of the outcome itself (unknown signal, not delivered,
     * unknown code, a date ahead) stays with its item; anything else (the database gone) ends the
     * call, and a municipality's retry of the items recorded before is answered as a repeat.
     */
    public List<Result> report(OutcomeReporter reporter, List<Item> items) {
        List<Result> results = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item.unreadable() != null) {
                results.add(new Result(null, null, null, item.unreadable()));
                continue;
            }
            try {
                OutcomeReport report = OutcomeReports.of(item.signalId(), item.outcome(), item.finalOutcome(), item.date(), clock);
                results.add(new Result(item.signalId(), report, feedback.report(reporter, report), null));
            } catch (ApiProblemException refused) {
                results.add(new Result(item.signalId(), null, null, refused.code()));
            }
        }
        return results;
    }
}
