package nl.signaalpoort.routing;

import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.signaalpoort.files.Csv;
import org.springframework.core.io.Resource;

/**
 * Postcode (and house number) to municipality code, from the CSV described in
 * {@code contracts/routing/postcode-table.md} (the gateway's one CSV dialect, {@link Csv}). A row names a PC6 ({@code 1234AB}) or a PC4
 * ({@code 1234}), optionally with a house-number range for postcodes that span two
 * municipalities. Lookup takes the most specific row: PC6 with range, PC6, then PC4.
 */
public final class PostcodeTable {

    static final String HEADER = "postcode;houseNumberFrom;houseNumberTo;municipalityCode";

    private record Range(int from, int to, String municipalityCode) {
        boolean contains(int houseNumber) {
            return houseNumber >= from && houseNumber <= to;
        }
    }

    private final Map<String, List<Range>> ranges = new HashMap<>();
    private final Map<String, String> whole = new HashMap<>();

    public static PostcodeTable load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return read(in, resource.getDescription());
        } catch (IOException e) {
            throw new IllegalStateException("postcode table: cannot read " + resource.getDescription(), e);
        }
    }

    /**
     * Reads and checks a whole table; the first bad line refuses it with a message naming the line
     * (never a value from it).
     */
    public static PostcodeTable read(InputStream in, String description) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                MappingIterator<String[]> rows = Csv.rowsWithComments(reader)) {
            PostcodeTable table = new PostcodeTable();
            String[] header = rows.hasNextValue() ? rows.nextValue() : null;
            if (header == null || !String.join(String.valueOf(Csv.SEPARATOR), header).replace("\uFEFF", "").trim().equals(HEADER)) {
                throw new IllegalStateException("postcode table: the first line must be '" + HEADER + "'");
            }
            while (rows.hasNextValue()) {
                String[] cells = rows.nextValue();
                // The parser stands at the end of the row just read; rows hold no line ends of their own.
                long line = rows.getCurrentLocation().getLineNr() - 1;
                if (!(cells.length == 1 && cells[0].isBlank())) {
                    table.add(cells, line);
                }
            }
            return table;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException refused) {
                throw refused;
            }
            throw new IllegalStateException("postcode table: cannot read " + description + " (not UTF-8 CSV)", e);
        }
    }

    private void add(String[] cols, long lineNumber) {
        if (cols.length != 4) {
            throw new IllegalStateException("postcode table line " + lineNumber + ": expected 4 columns");
        }
        String postcode = cols[0].trim();
        String code = cols[3].trim();
        if (!postcode.matches("[1-9][0-9]{3}([A-Z]{2})?") || !Municipality.isCode(code)) {
            throw new IllegalStateException("postcode table line " + lineNumber + ": bad postcode or municipality code");
        }
        if (cols[1].isBlank() && cols[2].isBlank()) {
            if (whole.putIfAbsent(postcode, code) != null) {
                throw new IllegalStateException("postcode table line " + lineNumber + ": postcode listed twice");
            }
            return;
        }
        try {
            int from = Integer.parseInt(cols[1].trim());
            int to = Integer.parseInt(cols[2].trim());
            if (from < 1 || to < from || postcode.length() != 6) {
                throw new NumberFormatException();
            }
            ranges.computeIfAbsent(postcode, k -> new ArrayList<>()).add(new Range(from, to, code));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("postcode table line " + lineNumber
                    + ": a house-number range needs a PC6 postcode and 1 <= from <= to");
        }
    }

    /** The municipality code for a normalised postcode and house number, if the table knows it. */
    public Optional<String> municipalityCode(String postcode, int houseNumber) {
        List<Range> byRange = ranges.get(postcode);
        if (byRange != null) {
            for (Range r : byRange) {
                if (r.contains(houseNumber)) {
                    return Optional.of(r.municipalityCode());
                }
            }
        }
        String code = whole.get(postcode);
        if (code == null) {
            code = whole.get(postcode.substring(0, 4));
        }
        return Optional.ofNullable(code);
    }

    public int size() {
        return whole.size() + ranges.values().stream().mapToInt(List::size).sum();
    }
}
