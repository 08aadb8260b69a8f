package nl.signaalpoort.intake.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.Schema;
import nl.signaalpoort.files.RefusingXmlHandler;
import nl.signaalpoort.files.SecureXml;
import nl.signaalpoort.intake.SignalBinder;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the XML batch format (contracts/batch/xml-format.md, signal-batch-v1.xsd) as a stream.
 * {@link #check} validates the whole file against the schema with a hardened parser: UTF-8 only,
 * no DOCTYPE at all (so no entities, no XXE, no billion laughs), nothing fetched from outside.
 * {@link #read} then turns each {@code signal} into the JSON shape the REST channel binds, so
 * values are judged exactly as there and a bad value rejects only its own signal.
 *
 * <p>Parsed as {@link SecureXml} says, as every uploaded XML file is.
 */
public final class XmlBatchFormat implements BatchFormat {

    static final String NAMESPACE = "urn:signaalpoort:batch:v1";

    /** Immutable and thread-safe once built; factories and parsers are made per file because they are not. */
    private final Schema schema;

    public XmlBatchFormat(Path schemaFile) {
        this.schema = SecureXml.schema(schemaFile);
    }

    @Override
    public String extension() {
        return "xml";
    }

    @Override
    public ReceiptWriter receipt(OutputStream target) throws IOException {
        return new XmlReceiptWriter(target);
    }

    @Override
    public Checked inspect(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return Checked.refused(new Problem(BatchFileProblem.EMPTY_FILE, 0));
        }
        Verdict verdict = new Verdict();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLReader reader = SecureXml.validatingParser(schema).getXMLReader();
            reader.setContentHandler(verdict);
            reader.setErrorHandler(verdict);
            reader.parse(new InputSource(in));
            return new Checked(null, verdict.signals);
        } catch (SAXException e) {
            // Only the code and the line leave this method: parser messages may quote the content.
            return Checked.refused(verdict.problem(BatchFileProblem.MALFORMED_XML));
        } catch (UnsupportedEncodingException | CharConversionException e) {
            return Checked.refused(verdict.problem(BatchFileProblem.UNREADABLE_ENCODING));
        }
    }

    @Override
    public void read(Path file, int chunkSize, Consumer<List<Row>> chunks) throws IOException {
        // Checked already; refusing DTDs here too keeps a file read without a check just as safe.
        XMLInputFactory stax = SecureXml.streamFactory();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader xml = stax.createXMLStreamReader(in);
            try {
                List<Row> chunk = new ArrayList<>(chunkSize);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("signal")
                            && NAMESPACE.equals(xml.getNamespaceURI())) {
                        long line = xml.getLocation().getLineNumber();
                        JsonNode node = element(xml);
                        // An empty signal has no fields; it still gets its row (and its rejection).
                        chunk.add(new Row(line, SignalBinder.bind(node != null ? node : SignalBinder.MAPPER.createObjectNode())));
                        if (chunk.size() == chunkSize) {
                            chunks.accept(chunk);
                            chunk = new ArrayList<>(chunkSize);
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    chunks.accept(chunk);
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // No cause attached: the parser's message may quote the file. The file was checked, so
            // this means it changed underneath us.
            throw new IOException("XML batch file became unreadable near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNumber()));
        }
    }

    /**
     * Reads the element the reader stands on up to its end tag: with child elements it becomes an
     * object, else its text, trimmed. An empty element is an absent field (null), like an empty
     * CSV cell. Depth is bounded because the file passed the schema.
     */
    private static JsonNode element(XMLStreamReader xml) throws XMLStreamException {
        ObjectNode object = null;
        StringBuilder text = new StringBuilder();
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (object == null) {
                        object = SignalBinder.MAPPER.createObjectNode();
                    }
                    String name = xml.getLocalName();
                    JsonNode child = element(xml);
                    if (child != null) {
                        object.set(name, child);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (object == null) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (object != null) {
                        return object;
                    }
                    return SignalBinder.xmlText(text.toString());
                }
                default -> {
                    // Comments and processing instructions carry no data.
                }
            }
        }
    }

    /** Counts the signals; the first problem stops the parse ({@link RefusingXmlHandler}). */
    private static final class Verdict extends RefusingXmlHandler<BatchFileProblem> {

        private long signals;

        Verdict() {
            super(BatchFileProblem.SCHEMA_VIOLATION, BatchFileProblem.MALFORMED_XML, BatchFileProblem.UNREADABLE_ENCODING);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            super.startElement(uri, localName, qName, attributes);
            if ("signal".equals(localName) && NAMESPACE.equals(uri)) {
                signals++;
            }
        }

        Problem problem(BatchFileProblem otherwise) {
            Refusal<BatchFileProblem> r = refusal(otherwise);
            return new Problem(r.problem(), r.line());
        }
    }
}
