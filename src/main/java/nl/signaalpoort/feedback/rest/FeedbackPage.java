package nl.signaalpoort.feedback.rest;

import java.util.List;
import nl.signaalpoort.store.FeedbackItem;

/** One page of a partner's feedback; pass {@code cursor} as {@code after} to read on. */
public record FeedbackPage(List<FeedbackItem> items, long cursor) {
}
