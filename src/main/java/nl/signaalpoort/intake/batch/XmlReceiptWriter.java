package nl.signaalpoort.intake.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nl.signaalpoort.intake.Receipt;
import nl.signaalpoort.signal.Rejection;

/**
 * The XML receipt (contracts/batch/batch-receipt-v1.xsd), written as a stream so a receipt for a
 * file of any size takes no more memory than one row. UTF-8; one element per line for people.
 */
final class XmlReceiptWriter implements ReceiptWriter {

    static final String NAMESPACE = "urn:signaalpoort:batch-receipt:v1";

    private final OutputStream file;
    private final XMLStreamWriter out;

    XmlReceiptWriter(OutputStream target) throws IOException {
        file = new BufferedOutputStream(target);
        try {
            out = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(file, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
            out.writeCharacters("\n");
            out.setDefaultNamespace(NAMESPACE);
            out.writeStartElement(NAMESPACE, "batchReceipt");
            out.writeDefaultNamespace(NAMESPACE);
        } catch (XMLStreamException e) {
            file.close();
            throw failed(e);
        }
    }

    @Override
    public void row(long line, Receipt receipt, List<String> sentences) throws IOException {
        try {
            List<Rejection> reasons = receipt.reasons();
            List<Rejection> warnings = receipt.warnings();
            newLine();
            if (reasons.isEmpty() && warnings.isEmpty()) {
                out.writeEmptyElement(NAMESPACE, "row");
            } else {
                out.writeStartElement(NAMESPACE, "row");
            }
            out.writeAttribute("line", Long.toString(line));
            if (receipt.reference() != null) {
                out.writeAttribute("reference", receipt.reference());
            }
            out.writeAttribute("status", receipt.status().name());
            if (receipt.signalId() != null) {
                out.writeAttribute("signalId", receipt.signalId().toString());
            }
            out.writeAttribute("duplicate", Boolean.toString(receipt.duplicate()));
            if (reasons.isEmpty() && warnings.isEmpty()) {
                return;
            }
            // The sentences come in the order of the reasons, one each.
            for (int i = 0; i < reasons.size(); i++) {
                out.writeCharacters("\n    ");
                out.writeStartElement(NAMESPACE, "reason");
                out.writeAttribute("code", reasons.get(i).code().name());
                out.writeCharacters(i < sentences.size() ? sentences.get(i) : "");
                out.writeEndElement();
            }
            for (Rejection warning : warnings) {
                out.writeCharacters("\n    ");
                out.writeEmptyElement(NAMESPACE, "warning");
                out.writeAttribute("code", warning.code().name());
            }
            newLine();
            out.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void fileRejected(BatchFormat.Problem problem, String sentence) throws IOException {
        try {
            newLine();
            out.writeStartElement(NAMESPACE, "fileRejected");
            out.writeAttribute("line", Long.toString(problem.line()));
            out.writeAttribute("code", problem.code().name());
            out.writeCharacters(sentence);
            out.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    @Override
    public void totals(long accepted, long rejected) throws IOException {
        try {
            newLine();
            out.writeEmptyElement(NAMESPACE, "totals");
            out.writeAttribute("accepted", Long.toString(accepted));
            out.writeAttribute("rejected", Long.toString(rejected));
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Ends the document (closing any open element) and the file. */
    @Override
    public void close() throws IOException {
        try (file) {
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.flush();
            out.close();
            file.write('\n');
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void newLine() throws XMLStreamException {
        out.writeCharacters("\n  ");
    }

    private static IOException failed(XMLStreamException e) {
        return new IOException("receipt could not be written", e);
    }
}
