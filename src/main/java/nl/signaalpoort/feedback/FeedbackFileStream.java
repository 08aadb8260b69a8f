package nl.signaalpoort.feedback;

import java.util.List;
import nl.signaalpoort.store.FeedbackItem;
import nl.signaalpoort.store.FeedbackRepository;
import org.springframework.stereotype.Component;

/** The partner's feedback items, as {@code GET /api/v1/feedback} gives them: {@code feedback-<first>-<last>.csv}. */
@Component
public class FeedbackFileStream implements ReturnFileStream {

    static final String[] HEADER = {"feedbackId", "signalId", "reference", "code", "finalOutcome", "date", "collectionPausedUntil",
            "supersedesFeedbackId"};

    private final FeedbackRepository feedback;

    public FeedbackFileStream(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public String[] header() {
        return HEADER;
    }

    @Override
    public List<Line> after(String partnerId, long after, int limit) {
        return feedback.feedbackAfter(partnerId, after, limit).stream().map(i -> new Line(i.feedbackId(), cells(i))).toList();
    }

    static String[] cells(FeedbackItem item) {
        return new String[] {String.valueOf(item.feedbackId()), item.signalId().toString(), item.reference(), item.code(),
                String.valueOf(item.finalOutcome()), item.date().toString(), ReturnFileStream.text(item.collectionPausedUntil()),
                ReturnFileStream.text(item.supersedesFeedbackId())};
    }
}
