package nl.signaalpoort.intake.sftp;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.AtomicFiles;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.files.SftpConnection;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * For each partner that hosts its files itself ({@code sftpRemote} in routes/partners.yaml) two
 * routes: {@code sftp-poll-<id>} fetches complete batch files from the partner's server into the
 * partner's local inbox, where the same intake as for uploads takes them (a file fetched twice
 * after a crash is a duplicate: same receipt, nothing stored); {@code sftp-return-<id>} puts what
 * lands in the partner's local outbox (receipts, feedback files) on the partner's server. One route
 * pair per partner, so one partner's broken server touches no one else.
 */
@Component
public class PartnerSftpRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSftpRoutes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PartnerRegistry partners;
    private final PartnerFiles files;
    private final MeterRegistry meters;

    public PartnerSftpRoutes(PartnerRegistry partners, PartnerFiles files, MeterRegistry meters) {
        this.partners = partners;
        this.files = files;
        this.meters = meters;
    }

    @Override
    public void configure() {
        // Not handled: a fetched file stays on the partner's server, a receipt in the local outbox, until the next poll works.
        onException(Exception.class).logExhausted(false).process(this::countFailure);
        for (Partner partner : partners.all()) {
            if (partner.sftpRemote() != null) {
                configure(partner.id(), partner.sftpRemote());
            }
        }
    }

    private void configure(String partnerId, Partner.SftpRemote remote) {
        String connection = SftpConnection.options(remote.username(), remote.privateKey(), remote.knownHosts(), TIMEOUT);
        String server = "sftp://" + remote.host() + ":" + remote.port() + "/";
        long delay = remote.pollInterval().toMillis();

        // Both on the elected leader only: one node fetches and returns a partner's files (docs/reliability.md).
        from(Routes.singleton(server + remote.inbox() + "?" + connection
                // Complete files only: partners upload under a .part name (or a dot name) and rename.
                + "&antExclude=*.part,.*&readLock=changed&readLockMinAge=1000&readLockCheckInterval=500"
                // Large files go to disk, never into memory; removed from the partner's server once stored here.
                + "&localWorkDirectory=" + files.work().resolve("fetch-" + partnerId)
                + "&delete=true&maxMessagesPerPoll=20&delay=" + delay
                + "&throwExceptionOnConnectFailed=true&bridgeErrorHandler=true&pollStrategy=#" + Routes.ROUTE_ACTIVITY))
                .routeId(Routes.SFTP_POLL_PREFIX + partnerId)
                .routeDescription("Fetches complete batch files from partner " + partnerId + "'s own SFTP server into its inbox")
                .to("file:" + files.inbox(partnerId) + "?tempPrefix=" + AtomicFiles.TEMPORARY_PREFIX);

        from(Routes.singleton("file:" + files.outbox(partnerId) + "?delete=true&delay=" + Math.min(delay, 1000)
                + "&antExclude=" + AtomicFiles.TEMPORARY_PREFIX + "*"))
                .routeId(Routes.SFTP_RETURN_PREFIX + partnerId)
                .routeDescription("Puts receipts and feedback files for partner " + partnerId + " on its own SFTP server")
                .to(server + remote.outbox() + "?" + connection + "&tempPrefix=" + AtomicFiles.TEMPORARY_PREFIX + "&fileExist=Override&autoCreate=true");
    }

    private void countFailure(Exchange exchange) {
        String route = exchange.getFromRouteId();
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        // The exception's class and message only: a connection or host-key problem, never file content.
        LOG.warn("partner sftp route={} failed: {}: {}", route, e == null ? "?" : e.getClass().getSimpleName(),
                e == null ? "" : e.getMessage());
        Counter.builder("signaalpoort.sftp.remote.failures").description("Failed polls of and writes to partners' own SFTP servers")
                .tag("route", route == null ? "unknown" : route).register(meters).increment();
    }
}
