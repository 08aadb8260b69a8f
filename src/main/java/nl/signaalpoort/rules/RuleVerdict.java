package nl.signaalpoort.rules;

import java.util.List;
import nl.signaalpoort.signal.Rejection;

/** Every rule that failed: rejections refuse the signal, warnings go with an accepted one. */
public record RuleVerdict(List<Rejection> rejections, List<Rejection> warnings) {
}
