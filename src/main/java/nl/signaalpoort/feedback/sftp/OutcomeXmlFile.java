package nl.signaalpoort.feedback.sftp;

import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.validation.Schema;
import nl.signaalpoort.files.RefusingXmlHandler;
import nl.signaalpoort.files.SecureXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads an outcome file in the XML format (contracts/municipal/outcome-file-v1.xsd): one
 * {@code report} per outcome with the CSV format's four values. The file is validated against the
 * schema while it is read, in one pass, and refused whole at the first break; each report is
 * judged on its own, as a CSV row is.
 */
final class OutcomeXmlFile {

    static final String NAMESPACE = "urn:signaalpoort:outcomes:v1";

    private final Schema schema;

    OutcomeXmlFile(Path schemaFile) {
        this.schema = SecureXml.schema(schemaFile);
    }

    OutcomeFileContent read(Path file, int maxRows) throws IOException {
        if (Files.size(file) == 0) {
            return OutcomeFileContent.refused(OutcomeFileProblem.EMPTY_FILE, 0);
        }
        Reports reports = new Reports(maxRows);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            var reader = SecureXml.validatingParser(schema).getXMLReader();
            reader.setContentHandler(reports);
            reader.setErrorHandler(reports);
            reader.parse(new InputSource(in));
            return new OutcomeFileContent(reports.rows, null, 0);
        } catch (SAXException e) {
            // Only the code and the line leave: the parser's message may quote the content.
            return reports.refused(OutcomeFileProblem.MALFORMED_XML);
        } catch (UnsupportedEncodingException | CharConversionException e) {
            return reports.refused(OutcomeFileProblem.UNREADABLE_ENCODING);
        }
    }

    /** Collects the reports; the first problem stops the parse ({@link RefusingXmlHandler}). */
    private static final class Reports extends RefusingXmlHandler<OutcomeFileProblem> {

        private final int maxRows;
        private final List<OutcomeFileContent.Row> rows = new ArrayList<>();
        private final Map<String, String> values = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private long reportLine;

        Reports(int maxRows) {
            super(OutcomeFileProblem.SCHEMA_VIOLATION, OutcomeFileProblem.MALFORMED_XML, OutcomeFileProblem.UNREADABLE_ENCODING);
            this.maxRows = maxRows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            super.startElement(uri, localName, qName, attributes);
            if (NAMESPACE.equals(uri) && "report".equals(localName)) {
                if (rows.size() == maxRows) {
                    throw stop(OutcomeFileProblem.TOO_MANY_ROWS, -1);
                }
                values.clear();
                reportLine = line();
            }
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!NAMESPACE.equals(uri)) {
                return;
            }
            if ("report".equals(localName)) {
                rows.add(new OutcomeFileContent.Row(reportLine, OutcomeFileContent.item(values.get("signalId"), values.get("outcome"),
                        values.get("finalOutcome"), values.get("date"))));
            } else if (!"outcomeReports".equals(localName)) {
                String value = text.toString().strip();
                // An empty element is an absent value, like an empty CSV cell.
                values.put(localName, value.isEmpty() ? null : value);
            }
            text.setLength(0);
        }

        OutcomeFileContent refused(OutcomeFileProblem otherwise) {
            Refusal<OutcomeFileProblem> r = refusal(otherwise);
            return OutcomeFileContent.refused(r.problem(), r.line());
        }
    }
}
