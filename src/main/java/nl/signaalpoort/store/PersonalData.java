package nl.signaalpoort.store;

import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Contact;
import nl.signaalpoort.signal.Debtor;

/** The personal part of a signal, stored apart from the pseudonymous part. */
public record PersonalData(Debtor debtor, Address address, Contact contact) {
}
