package nl.signaalpoort.intake.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.signaalpoort.files.PartnerFiles;
import nl.signaalpoort.intake.batch.BatchProperties;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.routing.MunicipalOrganisation;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's own SFTP server (Apache MINA SSHD) for partners' batch files and municipal
 * organisations' outcome files: each logs in as its id with a registered public key (no passwords)
 * into a home of its own with {@code inbox/} and {@code outbox/}, from which "../" cannot escape. No shell, no commands, no port forwarding.
 * The host key is kept on disk so partners can pin it.
 */
@Component
@ConditionalOnProperty(prefix = "signaalpoort.sftp", name = "enabled", havingValue = "true")
public class EmbeddedSftpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    private final SftpProperties properties;
    private final PartnerRegistry partners;
    private final MunicipalityRegistry municipalities;
    private final PartnerFiles files;
    private final long maxFileBytes;
    private final Map<String, AuthorizedKeysAuthenticator> keys = new ConcurrentHashMap<>();
    private SshServer server;

    public EmbeddedSftpServer(SftpProperties properties, PartnerRegistry partners, MunicipalityRegistry municipalities, PartnerFiles files,
            BatchProperties batch) {
        this.properties = properties;
        this.partners = partners;
        this.municipalities = municipalities;
        this.files = files;
        this.maxFileBytes = batch.maxFileSize().toBytes();
    }

    @Override
    public void start() {
        try {
            // A user without a home of its own lands in an empty folder it cannot leave.
            VirtualFileSystemFactory homes = new VirtualFileSystemFactory(Files.createDirectories(files.homes().resolve(".nobody")));
            for (Partner partner : partners.all()) {
                if (partner.sftp() != null) {
                    account(homes, partner.id(), partner.sftp().authorizedKeys());
                }
            }
            // Municipal organisations upload outcome files the same way, each into a home of its own.
            for (MunicipalOrganisation organisation : municipalities.organisations()) {
                if (organisation.sftpAccount() != null) {
                    account(homes, organisation.id(), organisation.sftpAccount().authorizedKeys());
                }
            }
            Files.createDirectories(properties.hostKey().toAbsolutePath().getParent());
            server = SshServer.setUpDefaultServer();
            SshAlgorithms.restrict(server);
            server.setHost(properties.host());
            server.setPort(properties.port());
            server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(properties.hostKey()));
            server.setPublickeyAuthenticator((user, key, session) -> keys.containsKey(user) && keys.get(user).authenticate(user, key, session));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
            server.setShellFactory(null);
            server.setCommandFactory(null);
            server.setFileSystemFactory(homes);
            SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
            sftp.addSftpEventListener(new InboxQuota(maxFileBytes, properties.inboxQuota().toBytes(), properties.inboxFiles()));
            server.setSubsystemFactories(List.of(sftp));
            server.start();
            LOG.info("SFTP server listening on {}:{} for {} accounts", properties.host(), server.getPort(), keys.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SFTP server", e);
        }
    }

    private void account(VirtualFileSystemFactory homes, String user, String authorizedKeys) throws IOException {
        if (keys.containsKey(user)) {
            throw new IllegalStateException("SFTP login '" + user + "' is registered twice (a partner id and a municipal organisation id)");
        }
        homes.setUserHomeDir(user, files.createHome(user));
        keys.put(user, new AuthorizedKeysAuthenticator(Path.of(authorizedKeys)));
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException e) {
                LOG.warn("SFTP server did not stop cleanly: {}", e.getClass().getName());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isStarted();
    }

    /** The port it listens on (useful when configured as 0). */
    public int port() {
        return server.getPort();
    }
}
