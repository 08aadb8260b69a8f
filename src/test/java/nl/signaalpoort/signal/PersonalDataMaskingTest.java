package nl.signaalpoort.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A personal field must not reach a log line by accident: the records' toString hides it. */
class PersonalDataMaskingTest {

    @Test
    void toStringNeverShowsPersonalFields() {
        Debtor debtor = new Debtor("Q.X.", "Quirinus", "van der", "Canarysurname", LocalDate.of(1971, 3, 14), LegalForm.NATURAL_PERSON);
        Address address = new Address("Canarystraat", 17, "B", "1012LG", "Canarystad", ObjectType.DWELLING);
        Contact contact = new Contact("+31612345678", "canary@example.nl");
        Signal signal = new Signal("REF-1", SignalKind.EARLY, LocalDate.of(2026, 11, 1), false, false, null,
                debtor, address, contact, null);
        String all = signal + " " + debtor + " " + address + " " + contact;
        assertThat(all).doesNotContain("Canarysurname", "Quirinus", "1971", "Canarystraat", "1012LG", "Canarystad",
                "612345678", "canary@example.nl", "Q.X.");
        assertThat(all).contains("REF-1", "masked");
    }
}
