package nl.signaalpoort.rules;

import java.util.Map;
import nl.signaalpoort.signal.ReasonCode;

/** One active rule of a rule set as a partner reads it: its code, its parameters, and whether it only warns. */
public record RuleDescription(ReasonCode code, Map<String, Object> parameters, boolean warningOnly) {
}
