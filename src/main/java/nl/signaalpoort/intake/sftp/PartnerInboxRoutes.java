package nl.signaalpoort.intake.sftp;

import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One route per file partner, {@code sftp-inbox-<id>}, taking the batch files in its inbox (uploaded
 * over the embedded SFTP server, or fetched from its own server by {@code sftp-poll-<id>}). A
 * partner's files are read one after another, in name order; another partner's go on at the same
 * time on their own consumer, so a million-row file holds up no one else. On the elected leader
 * only: one node takes each file from the shared volume.
 *
 * <p>Only complete files: partners upload as {@code <name>.csv.part} and rename to {@code <name>.csv}
 * (contracts/batch/csv-format.md), and a file is left alone while it still changes. Any other name
 * that is not a temporary one gets a receipt saying which names are read.
 */
@Component
public class PartnerInboxRoutes extends RouteBuilder {

    private final PartnerRegistry partners;
    private final PartnerFiles files;

    public PartnerInboxRoutes(PartnerRegistry partners, PartnerFiles files) {
        this.partners = partners;
        this.files = files;
    }

    @Override
    public void configure() {
        for (Partner partner : partners.all()) {
            if (partner.deliversFiles()) {
                from(uri(partner.id()))
                        .routeId(Routes.SFTP_INBOX_PREFIX + partner.id())
                        .routeConfigurationId(Routes.BATCH_FILES_CONFIGURATION)
                        .autoStartup("{{signaalpoort.sftp.enabled}}")
                        .routeDescription("Takes complete batch files (CSV, XML, either optionally OpenPGP) from partner " + partner.id()
                                + "'s inbox; the receipt goes to its outbox")
                        .bean(Routes.BATCH_FILE_INTAKE, "process(${header.CamelFileAbsolutePath})");
            }
        }
    }

    String uri(String partnerId) {
        return Routes.inbox(files.inbox(partnerId));
    }
}
