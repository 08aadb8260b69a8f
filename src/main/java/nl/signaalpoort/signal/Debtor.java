package nl.signaalpoort.signal;

import java.time.LocalDate;

/** The person in arrears. Personal data: {@link #toString()} never shows it. */
public record Debtor(
        String initials,
        String givenNames,
        String surnamePrefix,
        String surname,
        LocalDate birthDate,
        LegalForm legalForm) {

    public Debtor withNames(String initials, String givenNames, String surnamePrefix, String surname) {
        return new Debtor(initials, givenNames, surnamePrefix, surname, birthDate, legalForm);
    }

    @Override
    public String toString() {
        return "Debtor[personal data masked, legalForm=" + legalForm + "]";
    }
}
