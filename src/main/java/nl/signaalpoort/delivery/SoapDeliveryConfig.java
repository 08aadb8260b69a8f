package nl.signaalpoort.delivery;

import javax.net.ssl.SSLContext;
import javax.xml.namespace.QName;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.security.tls.ClientTlsConfig;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitConfigurer;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The CXF client for SOAP delivery, from the WSDL municipalities implement (contracts/wsdl). One
 * endpoint serves every SOAP municipality: the address is set per exchange.
 */
@Configuration
public class SoapDeliveryConfig {

    static final String SERVICE = "MunicipalDeliveryService";
    static final String PORT = "MunicipalDeliveryPort";

    @Bean(Routes.MUNICIPAL_SOAP_ENDPOINT)
    CxfEndpoint municipalSoapEndpoint(@Value("${signaalpoort.delivery.soap-wsdl}") String wsdl, DeliveryProperties properties,
            ClientTlsConfig.ClientSslContext tls) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setWsdlURL(wsdl);
        endpoint.setServiceNameAsQName(new QName(MunicipalSoapDocuments.NAMESPACE, SERVICE));
        endpoint.setPortNameAsQName(new QName(MunicipalSoapDocuments.NAMESPACE, PORT));
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        endpoint.setAddress("http://localhost/address-set-per-municipality");
        endpoint.setCxfConfigurer(new Timeouts(properties, tls.context()));
        return endpoint;
    }

    /**
     * Connect and receive timeouts below the delivery's time limit, so the client gives up first;
     * the gateway's client certificate and trust store over https, with the host name checked.
     */
    private record Timeouts(DeliveryProperties properties, SSLContext tls) implements CxfConfigurer {

        /**
         * CXF 4's default conduit (the JDK HttpClient) was seen sending some requests chunked with
         * an empty body to an HTTP/1.1 server; the classic URLConnection conduit sends every byte.
         */
        @Override
        public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
            factoryBean.getBus().setProperty("force.urlconnection.http.conduit", Boolean.TRUE);
            // On every conduit the bus makes, whatever address a delivery overrides it with.
            factoryBean.getBus().setExtension((HTTPConduitConfigurer) (name, address, conduit) -> configure(conduit),
                    HTTPConduitConfigurer.class);
        }

        @Override
        public void configureClient(Client client) {
            configure((HTTPConduit) client.getConduit());
        }

        private void configure(HTTPConduit conduit) {
            HTTPClientPolicy policy = new HTTPClientPolicy();
            long limit = properties.callTimeout().toMillis();
            policy.setConnectionTimeout(Math.min(limit, 10_000));
            policy.setReceiveTimeout(limit);
            policy.setAllowChunking(false);
            // SOAP services speak HTTP/1.1; an h2c upgrade attempt on plain HTTP makes some of them reset the stream.
            policy.setVersion("1.1");
            conduit.setClient(policy);
            TLSClientParameters parameters = new TLSClientParameters();
            parameters.setSslContext(tls);
            parameters.setDisableCNCheck(false);
            conduit.setTlsClientParameters(parameters);
        }

        @Override
        public void configureServer(Server server) {
            // client only
        }
    }
}
