package nl.signaalpoort.delivery;

import nl.signaalpoort.camel.Routes;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * Turns off Apache HttpClient's own retries for municipal deliveries: a hidden retry of a POST
 * would bypass the outbox's schedule and count, and could deliver a batch twice in one attempt.
 */
@Component(Routes.NO_AUTOMATIC_RETRIES)
public class NoAutomaticRetries implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }
}
