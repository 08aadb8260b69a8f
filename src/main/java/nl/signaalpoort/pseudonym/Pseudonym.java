package nl.signaalpoort.pseudonym;

/** A keyed pseudonym and the id of the key that made it (so keys can rotate). */
public record Pseudonym(String keyId, String value) {
}
