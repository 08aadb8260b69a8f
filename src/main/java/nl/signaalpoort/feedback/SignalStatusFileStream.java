package nl.signaalpoort.feedback;

import java.util.List;
import nl.signaalpoort.store.SignalStatusEventRepository;
import org.springframework.stereotype.Component;

/**
 * What became of the partner's signals, a line per change (DELIVERED with the municipality code,
 * NOT_DELIVERABLE, WITHDRAWN), as {@code GET /api/v1/signals/{signalId}} tells it:
 * {@code signal-status-<first>-<last>.csv}.
 */
@Component
public class SignalStatusFileStream implements ReturnFileStream {

    static final String[] HEADER = {"eventId", "signalId", "reference", "state", "municipalityCode", "at"};

    private final SignalStatusEventRepository events;

    public SignalStatusFileStream(SignalStatusEventRepository events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "signal-status";
    }

    @Override
    public String[] header() {
        return HEADER;
    }

    @Override
    public List<Line> after(String partnerId, long after, int limit) {
        return events.after(partnerId, after, limit).stream().map(e -> new Line(e.eventId(), new String[] {String.valueOf(e.eventId()),
                e.signalId().toString(), e.reference(), e.state(), e.municipalityCode(), e.at().toString()})).toList();
    }
}
