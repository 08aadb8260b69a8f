package nl.signaalpoort.signal;

/** The debtor's address. Personal data: {@link #toString()} never shows it. */
public record Address(
        String street,
        Integer houseNumber,
        String houseNumberAddition,
        String postcode,
        String city,
        ObjectType objectType) {

    @Override
    public String toString() {
        return "Address[personal data masked, objectType=" + objectType + "]";
    }
}
