package nl.signaalpoort.signal;

/**
 * The keyed pseudonyms of one signal under one key: what links signals about the same person or
 * household without anyone learning who they are. Made in one place (the pseudonymiser) and
 * passed through to the store whole, never taken apart on the way, so no two can be swapped.
 *
 * @param person         surname (with prefix) and birth date: the same person across partners and addresses
 * @param household      postcode, house number and addition: everyone at the address
 * @param tolerantPerson surname parts in any order, first initial and address, no birth date: still
 *                       links a person whose surname parts were swapped or whose birth date is a
 *                       placeholder such as 1 January 2000 (docs/domain.md section 6)
 */
public record Pseudonyms(String keyId, String person, String household, String tolerantPerson) {
}
