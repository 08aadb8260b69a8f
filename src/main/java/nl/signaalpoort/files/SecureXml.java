package nl.signaalpoort.files;

import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The one way the gateway reads XML that organisations upload (batch files, outcome files): the
 * JDK's own parsers on purpose (not whatever the class path offers), with secure processing, no
 * DOCTYPE, no external entities or schemas, and validation against the gateway's own schema only
 * ({@code xsi:schemaLocation} hints are ignored).
 */
public final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private SecureXml() {
    }

    /** A schema from the gateway's own file; immutable and thread-safe. */
    public static Schema schema(Path file) {
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(file.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("schema cannot be loaded: " + file, e);
        }
    }

    /** A namespace-aware SAX parser that validates against {@code schema} while it parses; one per file (parsers are not thread-safe). */
    public static SAXParser validatingParser(Schema schema) {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setXIncludeAware(false);
            factory.setSchema(schema);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return parser;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    /** A StAX factory for reading a file that passed its schema: still no DTDs or external entities, text coalesced. */
    public static XMLInputFactory streamFactory() {
        XMLInputFactory stax = XMLInputFactory.newDefaultFactory();
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        stax.setProperty(XMLInputFactory.IS_COALESCING, true);
        return stax;
    }
}
