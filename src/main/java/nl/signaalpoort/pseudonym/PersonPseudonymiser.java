package nl.signaalpoort.pseudonym;

import nl.signaalpoort.signal.Pseudonyms;
import java.util.List;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Debtor;

/** Makes the keyed pseudonyms that link signals without revealing who they are about. */
public interface PersonPseudonymiser {

    /** The pseudonyms stored with a new signal, under the active key. */
    Pseudonyms pseudonyms(Debtor debtor, Address address);

    /** The pseudonyms under every key in the ring, to find signals stored before a key rotation. */
    List<Pseudonyms> lookupPseudonyms(Debtor debtor, Address address);
}
