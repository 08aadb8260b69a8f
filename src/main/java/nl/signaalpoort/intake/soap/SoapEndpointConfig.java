package nl.signaalpoort.intake.soap;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import nl.signaalpoort.api.Messages;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.intake.soap.contract.SignaalpoortPortType;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.store.MessageIdRepository;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The SOAP channel's CXF endpoint, consumed by route intake-soap: published at {@code /soap/v1}
 * (CXF servlet under {@code cxf.path}) from the contract file itself, so {@code ?wsdl} serves
 * exactly contracts/wsdl/: schema validation on,
 * WS-Addressing, the StAX limits against oversized and deeply nested messages (CXF refuses DTDs
 * outright), WS-Security for 2W-be-S partners, the replay guard and the fault translator.
 */
@Configuration
public class SoapEndpointConfig {

    static final String ADDRESS = "/v1";

    @Bean(Routes.SOAP_INTAKE_ENDPOINT)
    CxfEndpoint signaalpoortSoapEndpoint(Bus bus, SoapProperties properties, PartnerRegistry partners,
            PartnerSigningCertificates certificates, MessageIdRepository messageIds, Messages messages, MeterRegistry meters,
            Clock clock, LocaleResolver locales) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(ADDRESS);
        endpoint.setServiceClass(SignaalpoortPortType.class);
        endpoint.setWsdlURL(Path.of(properties.wsdl()).toAbsolutePath().toUri().toString());
        endpoint.setServiceNameAsQName(new QName(SoapFaultTranslator.NAMESPACE, "SignaalpoortService"));
        endpoint.setPortNameAsQName(new QName(SoapFaultTranslator.NAMESPACE, "SignaalpoortPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        // CXF would log a refused message's exception text, which can quote the message; the translator logs the code.
        endpoint.setSkipFaultLogging(true);
        endpoint.setFeatures(List.of(new WSAddressingFeature()));
        Map<String, Object> settings = new HashMap<>();
        settings.put("schema-validation-enabled", "IN");
        settings.put("org.apache.cxf.stax.maxElementDepth", properties.maxElementDepth());
        settings.put("org.apache.cxf.stax.maxElementCount", properties.maxElementCount());
        settings.put("org.apache.cxf.stax.maxXMLCharacters", properties.maxMessageSize().toBytes());
        settings.put("faultStackTraceEnabled", false);
        settings.put("exceptionMessageCauseEnabled", false);
        // On the server's factory, not CxfEndpoint.setProperties: Camel would also try to bind these names to
        // its own endpoint options (schema-validation-enabled clashes with a boolean one) and log the failure.
        endpoint.setCxfConfigurer(new CxfConfigurer() {
            @Override
            public void configure(AbstractWSDLBasedEndpointFactory factory) {
                factory.getProperties(true).putAll(settings);
            }

            @Override
            public void configureClient(Client client) {
                // server only
            }

            @Override
            public void configureServer(Server server) {
                // the factory's properties are the endpoint's
            }
        });
        endpoint.getInInterceptors().add(new RateLimitGuard());
        endpoint.getInInterceptors().add(new RequestLimits(properties.maxMessageSize().toBytes(), locales));
        endpoint.getInInterceptors().add(new SignatureVerifier(partners, certificates, properties.timestampTtl().toSeconds()));
        endpoint.getInInterceptors().add(new SignatureCoverage());
        endpoint.getInInterceptors().add(new ReplayGuard(messageIds, clock));
        endpoint.getOutFaultInterceptors().add(new SoapFaultTranslator(messages, meters));
        return endpoint;
    }
}
