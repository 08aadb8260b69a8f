package nl.signaalpoort.normalise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names as the municipal side expects them (DDAS Voorletters, Voorvoegsel, Achternaam): white
 * space trimmed and collapsed, initials as {@code J.P.}, and a Dutch surname prefix ("van der")
 * split out of the surname when the partner sent them together.
 */
public final class NameNormaliser {

    /** Dutch tussenvoegsels, longest first so "van der" wins over "van". */
    private static final List<String> PREFIXES = Arrays.stream(new String[] {
            "van de", "van der", "van den", "van het", "van 't", "van t", "in de", "in der", "in den", "in het", "in 't",
            "op de", "op den", "op der", "op het", "op 't", "aan de", "aan den", "aan het", "uit de", "uit den",
            "uit het", "bij de", "voor de", "voor den", "onder de", "over de", "de la", "de los", "van", "de", "den",
            "der", "ter", "ten", "te", "het", "'t", "op", "in", "uit", "aan", "bij", "von", "la", "le", "du", "da",
            "di", "del", "dos", "das", "d'", "l'"})
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{M}' .-]*");
    private static final Pattern INITIAL_TOKEN = Pattern.compile("\\p{Lu}\\p{Ll}{0,2}");
    // Compiled once: String.replaceAll and split compile their pattern on every call, which was
    // 8% of a batch file's reading thread (JFR, docs/benchmarks.md).
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DOTS_AND_SPACES = Pattern.compile("[.\\s]+");
    private static final Pattern SPACES_AND_HYPHENS = Pattern.compile("[\\s-]+");

    /** Surname and prefix after splitting; prefix may be null. */
    public record SplitSurname(String prefix, String surname) {
    }

    public static String collapse(String raw) {
        if (raw == null) {
            return null;
        }
        String collapsed = WHITESPACE.matcher(raw.strip()).replaceAll(" ");
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** A name part (given names, surname) as letters, spaces, hyphens and apostrophes; empty when it is not one. */
    public Optional<String> name(String raw) {
        String name = collapse(raw);
        if (name == null || name.length() > 200 || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * Splits a prefix off the surname unless the partner gave one. A prefix is only taken when a
     * surname remains after it, so the surname "Van" stays a surname.
     */
    public Optional<SplitSurname> surname(String rawPrefix, String rawSurname) {
        Optional<String> surname = name(rawSurname);
        if (surname.isEmpty()) {
            return Optional.empty();
        }
        String givenPrefix = collapse(rawPrefix);
        if (givenPrefix != null) {
            return Optional.of(new SplitSurname(givenPrefix.toLowerCase(Locale.ROOT), surname.get()));
        }
        String full = surname.get();
        String lower = full.toLowerCase(Locale.ROOT);
        for (String prefix : PREFIXES) {
            boolean apostrophe = prefix.endsWith("'");
            String lead = apostrophe ? prefix : prefix + " ";
            if (lower.startsWith(lead) && full.length() > lead.length()) {
                String rest = full.substring(lead.length()).strip();
                if (!rest.isEmpty()) {
                    return Optional.of(new SplitSurname(prefix, rest));
                }
            }
        }
        return Optional.of(new SplitSurname(null, full));
    }

    /**
     * Initials as {@code J.P.} or {@code Th.J.}. When no initials were sent they are derived from
     * the given names. Empty when neither gives a usable value.
     */
    public Optional<String> initials(String rawInitials, String givenNames) {
        String source = collapse(rawInitials);
        if (source == null) {
            return givenNames == null ? Optional.empty() : Optional.of(fromGivenNames(givenNames));
        }
        List<String> tokens = new ArrayList<>();
        for (String part : DOTS_AND_SPACES.split(source)) {
            if (part.isEmpty()) {
                continue;
            }
            // "JP" (no dots) is two initials; "Th" stays one.
            if (part.length() > 1 && part.equals(part.toUpperCase(Locale.ROOT))) {
                part.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
            } else {
                tokens.add(part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        if (tokens.isEmpty() || tokens.size() > 10 || !tokens.stream().allMatch(t -> INITIAL_TOKEN.matcher(t).matches())) {
            return Optional.empty();
        }
        return Optional.of(String.join(".", tokens) + ".");
    }

    private static String fromGivenNames(String givenNames) {
        StringBuilder initials = new StringBuilder();
        for (String name : SPACES_AND_HYPHENS.split(givenNames)) {
            if (!name.isEmpty()) {
                initials.append(Character.toUpperCase(name.charAt(0))).append('.');
            }
        }
        return initials.toString();
    }
}
