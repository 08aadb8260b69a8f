package nl.signaalpoort.pseudonym;

/** Encrypted personal data that fails authentication: changed, moved to another record, or wrapped with another key. */
public class TamperedDataException extends IllegalStateException {

    public TamperedDataException(String recordId) {
        super("encrypted data of record " + recordId + " failed authentication");
    }
}
