package nl.signaalpoort.ops;

import java.util.List;
import nl.signaalpoort.security.OrganisationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' API for routes: each route's state and counts; suspend and resume (kept across restarts, audited). */
@RestController
public class RouteController {

    private final RouteControl routes;

    public RouteController(RouteControl routes) {
        this.routes = routes;
    }

    @GetMapping(path = "/ops/v1/routes", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RouteControl.RouteView> list() {
        return routes.routes();
    }

    @PostMapping(path = "/ops/v1/routes/{routeId}/suspend", produces = MediaType.APPLICATION_JSON_VALUE)
    public RouteControl.RouteView suspend(@AuthenticationPrincipal OrganisationPrincipal operator, @PathVariable String routeId) {
        routes.suspend(routeId, operator.oin());
        return view(routeId);
    }

    @PostMapping(path = "/ops/v1/routes/{routeId}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    public RouteControl.RouteView resume(@AuthenticationPrincipal OrganisationPrincipal operator, @PathVariable String routeId) {
        routes.resume(routeId, operator.oin());
        return view(routeId);
    }

    private RouteControl.RouteView view(String routeId) {
        return routes.routes().stream().filter(r -> r.id().equals(routeId)).findFirst().orElseThrow();
    }
}
