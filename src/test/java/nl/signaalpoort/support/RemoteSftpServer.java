package nl.signaalpoort.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) standing in for a municipality's or a partner's own:
 * public-key login only,
 * accepting the gateway's key from certs-dev, files in a folder of its own.
 */
public final class RemoteSftpServer implements AutoCloseable {

    private final SshServer server;
    private final Path root;
    private final PublicKey hostKey;

    public RemoteSftpServer() throws IOException {
        this.root = Files.createTempDirectory("municipal-sftp");
        Path hostKeyFile = Files.createTempDirectory("sftp-host").resolve("host.key");
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(keys);
        server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(Path.of("certs-dev/gateway-ssh.pub")));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        try {
            KeyPair pair = keys.loadKeys(null).iterator().next();
            this.hostKey = pair.getPublic();
        } catch (Exception e) {
            throw new IOException("cannot read the host key", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    /** A known_hosts file trusting this server's host key. */
    public Path knownHosts() throws IOException {
        return knownHostsWith(hostKey);
    }

    /** A known_hosts file naming this server with another key: what a man in the middle would present. */
    public Path knownHostsWith(PublicKey key) throws IOException {
        Path file = Files.createTempFile("known_hosts", "");
        Files.writeString(file, "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key) + "\n");
        return file;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
