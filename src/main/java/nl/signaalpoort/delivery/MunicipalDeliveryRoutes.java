package nl.signaalpoort.delivery;

import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per municipality, {@code deliver-to-<code>}, in front of the route of its delivery
 * type: so each municipality's deliveries have their own route metrics and health, and an
 * operator can suspend delivery to one municipality (the dispatcher then claims nothing for it;
 * its signals wait in order).
 */
@Component
public class MunicipalDeliveryRoutes extends RouteBuilder {

    private final MunicipalityRegistry municipalities;

    public MunicipalDeliveryRoutes(MunicipalityRegistry municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public void configure() {
        for (Municipality m : municipalities.all()) {
            from(Routes.deliverToUri(m.code()))
                    .routeId(Routes.DELIVER_TO_PREFIX + m.code())
                    .routeDescription("Delivers signals to " + m.name() + " (" + m.code() + ") by " + m.delivery().type())
                    // Failures go back to the dispatcher, which records them; Camel's logging error handler could log a signal.
                    .errorHandler(noErrorHandler())
                    .to(Routes.deliverUri(m.delivery().type()));
        }
    }
}
