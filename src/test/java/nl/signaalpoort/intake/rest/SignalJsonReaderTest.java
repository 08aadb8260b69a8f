package nl.signaalpoort.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.signaalpoort.api.ApiProblemException;
import nl.signaalpoort.api.ProblemCode;
import nl.signaalpoort.intake.Submission;
import nl.signaalpoort.signal.Money;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.SignalKind;
import nl.signaalpoort.support.SignalJson;
import org.junit.jupiter.api.Test;

class SignalJsonReaderTest {

    private final SignalJsonReader reader = new SignalJsonReader(3);

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A signal with a few of the contract's less common fields, to be varied one at a time. */
    private static SignalJson signal() {
        return SignalJson.of("R1").total("245.50").set("crisis", true).set("debtor.birthDate", "1980-01-02")
                .set("debtor.legalForm", "SOLE_PROPRIETORSHIP").set("address.objectType", "GARAGE")
                .set("arrears.paymentArrangementFailed", true);
    }

    private static final String SIGNAL = signal().json();

    @Test
    void readsOneSignalWithExactAmounts() {
        List<Submission> read = reader.read(json(SIGNAL));

        assertThat(read).hasSize(1);
        Submission s = read.get(0);
        assertThat(s.bindingProblems()).isEmpty();
        assertThat(s.signal().kind()).isEqualTo(SignalKind.EARLY);
        assertThat(s.signal().crisis()).isTrue();
        assertThat(s.signal().arrears().totalAmount()).isEqualTo(Money.ofCents(24550));
        assertThat(s.signal().arrears().paymentArrangementFailed()).isTrue();
        assertThat(s.signal().debtor().birthDate()).hasToString("1980-01-02");
    }

    @Test
    void readsABatchAndRejectsOnlyTheBadElement() {
        List<Submission> read = reader.read(json("[" + SIGNAL + "," + signal().total("245.505").json() + "]"));

        assertThat(read).hasSize(2);
        assertThat(read.get(0).bindingProblems()).isEmpty();
        assertThat(read.get(1).reference()).isEqualTo("R1");
        assertThat(read.get(1).bindingProblems()).containsExactly(Rejection.of(ReasonCode.INVALID_AMOUNT, "arrears.totalAmount"));
    }

    @Test
    void namesTheFieldOfEachBindingProblem() {
        assertThat(problem(signal().set("bsn", "1").json()))
                .isEqualTo(Rejection.of(ReasonCode.UNKNOWN_FIELD, "bsn"));
        assertThat(problem(signal().birthDate("1980-13-02").json()))
                .isEqualTo(Rejection.of(ReasonCode.INVALID_DATE, "debtor.birthDate"));
        assertThat(problem(signal().set("kind", "LATE").json()))
                .isEqualTo(Rejection.of(ReasonCode.MALFORMED_FIELD, "kind"));
        assertThat(problem(signal().set("arrears.termsOverdue", new BigDecimal("2.5")).json()))
                .isEqualTo(Rejection.of(ReasonCode.MALFORMED_FIELD, "arrears.termsOverdue"));
        assertThat(problem(signal().total("-1").json()))
                .isEqualTo(Rejection.of(ReasonCode.INVALID_AMOUNT, "arrears.totalAmount"));
        assertThat(problem(signal().set("arrears.totalAmount", "lots").json()))
                .isEqualTo(Rejection.of(ReasonCode.INVALID_AMOUNT, "arrears.totalAmount"));
    }

    @Test
    void aNonObjectElementIsRejected() {
        List<Submission> read = reader.read(json("[42]"));
        assertThat(read.get(0).bindingProblems()).containsExactly(Rejection.of(ReasonCode.MALFORMED_FIELD));
    }

    @Test
    void refusesWholeRequestsThatAreNotSignals() {
        assertProblem("{not json", ProblemCode.MALFORMED_JSON);
        assertProblem("\"text\"", ProblemCode.MALFORMED_JSON);
        assertProblem("", ProblemCode.MALFORMED_JSON);
        assertProblem(SIGNAL + " {}", ProblemCode.MALFORMED_JSON);
        assertProblem("[]", ProblemCode.EMPTY_BATCH);
        assertProblem("[" + SIGNAL + "," + SIGNAL + "," + SIGNAL + "," + SIGNAL + "]", ProblemCode.BATCH_TOO_LARGE);
    }

    private Rejection problem(String body) {
        List<Rejection> problems = reader.read(json(body)).get(0).bindingProblems();
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private void assertProblem(String body, ProblemCode code) {
        assertThatThrownBy(() -> reader.read(json(body)))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
