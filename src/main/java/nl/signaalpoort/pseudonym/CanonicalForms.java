package nl.signaalpoort.pseudonym;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Debtor;

/**
 * The texts pseudonyms are made from. Case, accents, spaces and punctuation never matter; each
 * form starts with its own label so the three kinds can never collide.
 */
final class CanonicalForms {

    // Compiled once: String.replaceAll and split compile theirs on every call, three forms per signal.
    private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s-]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]");

    private CanonicalForms() {
    }

    static String person(Debtor d) {
        return "P|" + letters(d.surnamePrefix()) + letters(d.surname()) + "|" + d.birthDate();
    }

    static String household(Address a) {
        return "H|" + a.postcode() + "|" + a.houseNumber() + "|" + alphanumeric(a.houseNumberAddition());
    }

    static String tolerantPerson(Debtor d, Address a) {
        // Surname parts sorted, so "Yilmaz Demir" and "Demir Yilmaz" give the same form; no birth date.
        String parts = Arrays.stream(SPACES_AND_HYPHENS.split((d.surnamePrefix() == null ? "" : d.surnamePrefix() + " ") + d.surname()))
                .map(CanonicalForms::letters)
                .filter(p -> !p.isEmpty())
                .sorted()
                .collect(Collectors.joining(" "));
        String initial = d.initials() == null || d.initials().isEmpty() ? "" : letters(d.initials().substring(0, 1));
        return "T|" + parts + "|" + initial + "|" + household(a).substring(2);
    }

    static String letters(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        return NOT_A_LETTER.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String alphanumeric(String text) {
        return text == null ? "" : NOT_ALPHANUMERIC.matcher(text.toUpperCase(Locale.ROOT)).replaceAll("");
    }
}
