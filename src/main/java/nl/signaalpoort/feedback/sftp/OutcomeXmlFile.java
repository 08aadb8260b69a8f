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
import nl.signaalpoort.files.SecureXml;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

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
            return reports.refusal != null ? reports.refusal : reports.refused(OutcomeFileProblem.MALFORMED_XML, -1);
        } catch (UnsupportedEncodingException | CharConversionException e) {
            return reports.refused(OutcomeFileProblem.UNREADABLE_ENCODING, -1);
        }
    }

    /** Collects the reports, and the first problem, at which the parse stops. */
    private static final class Reports extends DefaultHandler {

        private final int maxRows;
        private final List<OutcomeFileContent.Row> rows = new ArrayList<>();
        private final Map<String, String> values = new HashMap<>();
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private OutcomeFileContent refusal;
        private boolean encodingChecked;
        private long reportLine;

        Reports(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            // By the first element the XML declaration has been read, so its encoding is known.
            if (!encodingChecked) {
                encodingChecked = true;
                if (!isUtf8()) {
                    throw stop(OutcomeFileProblem.UNREADABLE_ENCODING, -1);
                }
            }
            if (NAMESPACE.equals(uri) && "report".equals(localName)) {
                if (rows.size() == maxRows) {
                    throw stop(OutcomeFileProblem.TOO_MANY_ROWS, -1);
                }
                values.clear();
                reportLine = locator.getLineNumber();
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

        @Override
        public void error(SAXParseException e) throws SAXException {
            // With a schema set, recoverable errors are validation errors.
            throw stop(OutcomeFileProblem.SCHEMA_VIOLATION, e.getLineNumber());
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            // Bytes that are not UTF-8 surface as a fatal error caused by a CharConversionException.
            throw stop(e.getException() instanceof CharConversionException ? OutcomeFileProblem.UNREADABLE_ENCODING
                    : OutcomeFileProblem.MALFORMED_XML, e.getLineNumber());
        }

        @Override
        public void warning(SAXParseException e) {
            // Nothing the municipality needs to hear about.
        }

        private SAXException stop(OutcomeFileProblem problem, int line) {
            refusal = refused(problem, line);
            return new SAXException("outcome file refused: " + problem);
        }

        /** A file declared in another encoding is refused as such, whatever else is wrong with it. */
        OutcomeFileContent refused(OutcomeFileProblem problem, int line) {
            long at = line < 0 && locator != null ? locator.getLineNumber() : line;
            return OutcomeFileContent.refused(isUtf8() ? problem : OutcomeFileProblem.UNREADABLE_ENCODING, Math.max(at, 0));
        }

        private boolean isUtf8() {
            String encoding = locator instanceof Locator2 l2 ? l2.getEncoding() : null;
            return encoding == null || encoding.equalsIgnoreCase("UTF-8");
        }
    }
}
