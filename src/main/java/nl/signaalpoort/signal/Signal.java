package nl.signaalpoort.signal;

import java.time.LocalDate;

/**
 * The canonical signal every channel translates into (docs/domain.md section 5). The JSON names of
 * these records are the public contract for partners; every leaf name is unique so batch files
 * can use them as column names. {@code updatesReference}: for kind {@code UPDATED}, the partner's
 * reference of the earlier signal whose case this one continues.
 */
public record Signal(
        String reference,
        SignalKind kind,
        LocalDate signalDate,
        boolean crisis,
        boolean warmHandover,
        LocalDate endOfSupplyDate,
        Debtor debtor,
        Address address,
        Contact contact,
        Arrears arrears,
        String updatesReference) {

    /** A signal that updates none. */
    public Signal(String reference, SignalKind kind, LocalDate signalDate, boolean crisis, boolean warmHandover, LocalDate endOfSupplyDate,
            Debtor debtor, Address address, Contact contact, Arrears arrears) {
        this(reference, kind, signalDate, crisis, warmHandover, endOfSupplyDate, debtor, address, contact, arrears, null);
    }

    public Signal with(Debtor debtor, Address address, Contact contact) {
        return new Signal(reference, kind, signalDate, crisis, warmHandover, endOfSupplyDate, debtor, address, contact, arrears,
                updatesReference);
    }

    @Override
    public String toString() {
        return "Signal[reference=" + reference + ", kind=" + kind + ", signalDate=" + signalDate + ", crisis=" + crisis
                + ", arrears=" + (arrears == null ? null : arrears.totalAmount()) + ", personal data masked]";
    }
}
