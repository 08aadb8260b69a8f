package nl.signaalpoort.signal;

/** Phone (E.164 once normalised) and e-mail; either may be missing. Personal data: masked in {@link #toString()}. */
public record Contact(String phone, String email) {

    @Override
    public String toString() {
        return "Contact[personal data masked]";
    }
}
