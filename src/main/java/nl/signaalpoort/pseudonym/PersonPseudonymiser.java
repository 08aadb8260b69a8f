package nl.signaalpoort.pseudonym;

import nl.signaalpoort.signal.Debtor;

/** Makes the keyed pseudonym that links signals about one person without revealing who it is. */
public interface PersonPseudonymiser {

    Pseudonym personPseudonym(Debtor debtor);
}
