package nl.signaalpoort.support;

import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import jakarta.xml.ws.BindingProvider;
import nl.signaalpoort.intake.soap.contract.SignaalpoortPortType;
import nl.signaalpoort.intake.soap.contract.SignaalpoortService;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * SOAP clients of the gateway's SOAP channel: the generated CXF client over real mutual TLS
 * (optionally signing with WS-Security, as a 2W-be-S partner's stack does), and hand-made signed
 * envelopes for raw posts (to tamper with or replay them).
 */
public final class SoapClients {

    public static final String PATH = "/soap/v1";
    private static final String PASSWORD = "changeit-dev-only";
    private static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    private static final String SIGNED_PARTS = "{}{" + SOAP_NS + "}Body;{}{" + WSConstants.WSU_NS + "}Timestamp;"
            + "{}{" + WSA_NS + "}MessageID;{}{" + WSA_NS + "}To;{}{" + WSA_NS + "}Action;{}{" + WSA_NS + "}ReplyTo";

    private SoapClients() {
    }

    /** The generated client as {@code certs-dev/<identity>.p12} over mutual TLS, with WS-Addressing; signing when {@code sign}. */
    public static SignaalpoortPortType port(String identity, int port, boolean sign) throws Exception {
        SignaalpoortService service = new SignaalpoortService(Path.of("contracts/wsdl/signaalpoort-v1.wsdl").toUri().toURL());
        SignaalpoortPortType client = service.getSignaalpoortPort(new WSAddressingFeature());
        ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, "https://localhost:" + port + PATH);
        Client cxf = ClientProxy.getClient(client);
        HTTPConduit conduit = (HTTPConduit) cxf.getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(TlsClient.sslContext(identity));
        conduit.setTlsClientParameters(tls);
        if (sign) {
            Map<String, Object> p = new HashMap<>();
            p.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " " + ConfigurationConstants.SIGNATURE);
            p.put(ConfigurationConstants.USER, identity);
            p.put(ConfigurationConstants.SIG_KEY_ID, "DirectReference");
            p.put(ConfigurationConstants.SIGNATURE_PARTS, SIGNED_PARTS);
            p.put(ConfigurationConstants.SIG_PROP_REF_ID, "signingCrypto");
            p.put("signingCrypto", crypto(identity));
            p.put(ConfigurationConstants.PW_CALLBACK_REF, (javax.security.auth.callback.CallbackHandler) callbacks -> {
                for (var c : callbacks) {
                    ((WSPasswordCallback) c).setPassword(PASSWORD);
                }
            });
            cxf.getOutInterceptors().add(new WSS4JOutInterceptor(p));
        }
        return client;
    }

    /** A SOAP 1.1 envelope around {@code body}, with WS-Addressing headers and a fresh MessageID. */
    public static String envelope(String action, int port, String body) {
        return """
                <soap:Envelope xmlns:soap="%s" xmlns:wsa="%s">
                  <soap:Header>
                    <wsa:MessageID>urn:uuid:%s</wsa:MessageID>
                    <wsa:To>https://localhost:%d%s</wsa:To>
                    <wsa:Action>%s</wsa:Action>
                  </soap:Header>
                  <soap:Body>%s</soap:Body>
                </soap:Envelope>""".formatted(SOAP_NS, WSA_NS, UUID.randomUUID(), port, PATH, action, body);
    }

    /** {@code envelope} with a WS-Security timestamp and an X.509 signature over body, timestamp and WS-Addressing headers. */
    public static String sign(String envelope, String identity) throws Exception {
        return sign(envelope, identity, java.time.Instant.now());
    }

    /** As {@link #sign(String, String)}, with the timestamp made at {@code created} (valid for 300 s from then). */
    public static String sign(String envelope, String identity, java.time.Instant created) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
        WSSecHeader header = new WSSecHeader(document);
        header.insertSecurityHeader();
        WSSecTimestamp timestamp = new WSSecTimestamp(header);
        timestamp.setTimeToLive(300);
        timestamp.setWsTimeSource(() -> created);
        timestamp.build();
        WSSecSignature signature = new WSSecSignature(header);
        signature.setUserInfo(identity, PASSWORD);
        signature.setKeyIdentifierType(WSConstants.BST_DIRECT_REFERENCE);
        for (String[] part : List.of(new String[] {"Body", SOAP_NS}, new String[] {"Timestamp", WSConstants.WSU_NS},
                new String[] {"MessageID", WSA_NS}, new String[] {"To", WSA_NS}, new String[] {"Action", WSA_NS})) {
            signature.getParts().add(new WSEncryptionPart(part[0], part[1], ""));
        }
        signature.build(crypto(identity));
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    private static Merlin crypto(String identity) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of("certs-dev", identity + ".p12"))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        Merlin merlin = new Merlin();
        merlin.setKeyStore(keys);
        return merlin;
    }
}
