package nl.signaalpoort.rules;

/** Which rule set a signal passed, told to the municipality so it knows why it receives a signal. */
public record RuleSetRef(String id, String version) {
}
