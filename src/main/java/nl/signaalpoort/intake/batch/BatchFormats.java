package nl.signaalpoort.intake.batch;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The batch formats the gateway reads, found by the file name's ending. */
@Component
public class BatchFormats {

    private final BatchFormat csv = new CsvBatchFormat();
    private final BatchFormat xml;

    public BatchFormats(BatchProperties properties) {
        this.xml = new XmlBatchFormat(properties.xmlSchema());
    }

    /** The format of {@code name} (already stripped of any OpenPGP suffix), if it is one we read. */
    public Optional<BatchFormat> of(String name) {
        if (name.endsWith("." + csv.extension())) {
            return Optional.of(csv);
        }
        if (name.endsWith("." + xml.extension())) {
            return Optional.of(xml);
        }
        return Optional.empty();
    }

    /** Receipts for files we cannot read at all are written as CSV, the simplest family. */
    public BatchFormat fallback() {
        return csv;
    }
}
