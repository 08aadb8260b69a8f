package nl.signaalpoort.intake.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.FilesProperties;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.partner.PartnerRegistryProperties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

class PartnerInboxRoutesTest {

    @Test
    void eachFilePartnerGetsAnInboxRouteOfItsOwnOnTheLeader() throws Exception {
        PartnerFiles files = new PartnerFiles(new FilesProperties(Path.of("/r")));
        PartnerRegistry partners = new PartnerRegistry(new PartnerRegistryProperties(new FileSystemResource("routes/partners.yaml")));
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new PartnerInboxRoutes(partners, files));

            Map<String, String> routes = camel.getRouteDefinitions().stream()
                    .collect(Collectors.toMap(RouteDefinition::getRouteId, r -> r.getInput().getEndpointUri()));
            // The shipped registry: two partners with an SFTP login, two by REST and SOAP only.
            assertThat(routes.keySet()).containsExactlyInAnyOrder(Routes.SFTP_INBOX_PREFIX + "demo-energie",
                    Routes.SFTP_INBOX_PREFIX + "demo-zorg");
            assertThat(routes.get(Routes.SFTP_INBOX_PREFIX + "demo-zorg"))
                    .startsWith(Routes.singleton("file:" + files.inbox("demo-zorg") + "?"))
                    .contains("antExclude=*.part,.*").contains("readLock=changed");
            assertThat(camel.getRouteDefinitions()).allSatisfy(r ->
                    assertThat(r.getRouteConfigurationId()).isEqualTo(Routes.BATCH_FILES_CONFIGURATION));
        }
    }
}
