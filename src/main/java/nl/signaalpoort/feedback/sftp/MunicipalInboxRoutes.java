package nl.signaalpoort.feedback.sftp;

import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.routing.MunicipalOrganisation;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code sftp-outcomes-<organisation>}: takes complete outcome files from the inbox of each municipal
 * organisation with an SFTP account, as the partners' inboxes are taken ({@link Routes#inbox}); a
 * failed file stays for the next poll.
 */
@Component
public class MunicipalInboxRoutes extends RouteBuilder {

    private final MunicipalityRegistry municipalities;
    private final PartnerFiles files;

    public MunicipalInboxRoutes(MunicipalityRegistry municipalities, PartnerFiles files) {
        this.municipalities = municipalities;
        this.files = files;
    }

    @Override
    public void configure() {
        for (MunicipalOrganisation organisation : municipalities.organisations()) {
            if (organisation.sftpAccount() != null) {
                from(Routes.inbox(files.inbox(organisation.id())))
                        .routeId(Routes.SFTP_OUTCOMES_PREFIX + organisation.id())
                        .routeConfigurationId(Routes.BATCH_FILES_CONFIGURATION)
                        .autoStartup("{{signaalpoort.sftp.enabled}}")
                        .routeDescription("Takes outcome files from municipal organisation " + organisation.id()
                                + "'s inbox; the receipt goes to its outbox")
                        .bean(Routes.OUTCOME_FILE_INTAKE, "process(${header.CamelFileAbsolutePath})");
            }
        }
    }
}
