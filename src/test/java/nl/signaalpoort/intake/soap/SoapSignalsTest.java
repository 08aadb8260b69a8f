package nl.signaalpoort.intake.soap;

import static org.assertj.core.api.Assertions.assertThat;

import nl.signaalpoort.intake.Submission;
import nl.signaalpoort.intake.soap.contract.batch.Address;
import nl.signaalpoort.intake.soap.contract.batch.Arrears;
import nl.signaalpoort.intake.soap.contract.batch.Debtor;
import nl.signaalpoort.intake.soap.contract.batch.Signal;
import org.junit.jupiter.api.Test;

/** A SOAP signal binds exactly as the same values would over REST or in a batch file. */
class SoapSignalsTest {

    @Test
    void valuesAreTrimmedEmptyElementsAreAbsentAndGroupsMapOneToOne() {
        Signal signal = new Signal();
        signal.setReference("  R-1 ");
        signal.setKind("EARLY");
        signal.setSignalDate("2026-11-20");
        signal.setCrisis("   ");
        Debtor debtor = new Debtor();
        debtor.setInitials("j.p.");
        debtor.setSurname(" van der Berg ");
        debtor.setBirthDate("1980-04-12");
        signal.setDebtor(debtor);
        Address address = new Address();
        address.setStreet("Damrak");
        address.setHouseNumber("1");
        address.setPostcode("1012 lg");
        address.setCity("Amsterdam");
        signal.setAddress(address);
        Arrears arrears = new Arrears();
        arrears.setTotalAmount("245.50");
        arrears.setTermsOverdue("2");
        signal.setArrears(arrears);

        Submission submission = SoapSignals.toSubmission(signal);

        assertThat(submission.bindingProblems()).isEmpty();
        assertThat(submission.signal().reference()).isEqualTo("R-1");
        assertThat(submission.signal().crisis()).isFalse();
        assertThat(submission.signal().debtor().surname()).isEqualTo("van der Berg");
        assertThat(submission.signal().arrears().totalAmount().cents()).isEqualTo(24550);
        assertThat(submission.signal().contact()).isNull();
    }

    @Test
    void aBadValueIsARejectionOfThisSignalNamingTheField() {
        Signal signal = new Signal();
        signal.setReference("R-2");
        Debtor debtor = new Debtor();
        debtor.setBirthDate("12-04-1980");
        signal.setDebtor(debtor);

        Submission submission = SoapSignals.toSubmission(signal);

        assertThat(submission.bindingProblems()).anySatisfy(r -> {
            assertThat(r.code().name()).isEqualTo("INVALID_DATE");
            assertThat(r.field()).contains("birthDate");
        });
    }
}
