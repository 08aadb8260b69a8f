package nl.signaalpoort.signal;

/** Legal form of the debtor. Only natural persons and their unincorporated businesses may be signalled. */
public enum LegalForm {
    NATURAL_PERSON(true),
    SOLE_PROPRIETORSHIP(true),
    PARTNERSHIP(true),
    GENERAL_PARTNERSHIP(true),
    LIMITED_PARTNERSHIP(true),
    PRIVATE_LIMITED_COMPANY(false),
    PUBLIC_LIMITED_COMPANY(false),
    OTHER_LEGAL_ENTITY(false);

    private final boolean naturalPerson;

    LegalForm(boolean naturalPerson) {
        this.naturalPerson = naturalPerson;
    }

    /** True for forms where a natural person answers for the debt (docs/domain.md section 4). */
    public boolean isNaturalPerson() {
        return naturalPerson;
    }
}
