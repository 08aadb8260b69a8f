package nl.signaalpoort.config;

/** One cell of the gateway's CSV files (receipts, feedback files): {@code ;} separated, RFC 4180 quoting. */
public final class CsvText {

    private CsvText() {
    }

    /** The value as a cell: quoted when it holds a separator, a quote or a line end; null is empty. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
