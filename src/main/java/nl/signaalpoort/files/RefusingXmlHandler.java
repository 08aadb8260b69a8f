package nl.signaalpoort.files;

import java.io.CharConversionException;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.Locator2;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The part every reader of an uploaded XML file shares ({@link SecureXml}): the first problem,
 * with its line, stops the parse; a schema error, a file that is not well-formed, and a file not
 * in UTF-8 (declared otherwise, or bytes that are not) each have their code in the reader's own
 * list. Only the code and the line are kept: a parser's message may quote the content.
 *
 * @param <P> the reader's problem codes
 */
public abstract class RefusingXmlHandler<P> extends DefaultHandler {

    /** Why the file is refused, and at which line (0 when unknown). */
    public record Refusal<P>(P problem, long line) {
    }

    private final P schemaViolation;
    private final P malformed;
    private final P unreadableEncoding;
    private Locator locator;
    private Refusal<P> refusal;
    private boolean encodingChecked;

    protected RefusingXmlHandler(P schemaViolation, P malformed, P unreadableEncoding) {
        this.schemaViolation = schemaViolation;
        this.malformed = malformed;
        this.unreadableEncoding = unreadableEncoding;
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
                throw stop(unreadableEncoding, -1);
            }
        }
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
        // With a schema set, recoverable errors are validation errors.
        throw stop(schemaViolation, e.getLineNumber());
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        // Bytes that are not UTF-8 surface as a fatal error caused by a CharConversionException.
        throw stop(e.getException() instanceof CharConversionException ? unreadableEncoding : malformed, e.getLineNumber());
    }

    @Override
    public void warning(SAXParseException e) {
        // Nothing the uploader needs to hear about.
    }

    /** Records {@code problem} (at the current line when {@code line} is negative) and returns what stops the parse. */
    protected SAXException stop(P problem, int line) {
        refusal = refusalAt(problem, line);
        return new SAXException("file refused: " + problem);
    }

    /**
     * The refusal that stopped the parse or, when the parse failed otherwise (an I/O error that is
     * the encoding's, a parser that gave up), {@code otherwise} at the current line.
     */
    public Refusal<P> refusal(P otherwise) {
        return refusal != null ? refusal : refusalAt(otherwise, -1);
    }

    /** A file declared in another encoding is refused as such, whatever else is wrong with it. */
    public Refusal<P> refusalAt(P problem, int line) {
        long at = line < 0 && locator != null ? locator.getLineNumber() : line;
        return new Refusal<>(isUtf8() ? problem : unreadableEncoding, Math.max(at, 0));
    }

    /** The line the parser stands on. */
    protected long line() {
        return locator == null ? 0 : locator.getLineNumber();
    }

    private boolean isUtf8() {
        String encoding = locator instanceof Locator2 l2 ? l2.getEncoding() : null;
        return encoding == null || encoding.equalsIgnoreCase("UTF-8");
    }
}
