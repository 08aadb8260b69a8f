package nl.signaalpoort.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStoreException;
import java.util.ArrayList;
import java.util.List;
import nl.signaalpoort.intake.pgp.PgpProperties;
import nl.signaalpoort.intake.sftp.SftpProperties;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.pseudonym.KeyRingProperties;
import nl.signaalpoort.routing.DeliveryType;
import nl.signaalpoort.routing.MunicipalOrganisation;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.security.tls.ClientTlsConfig;
import nl.signaalpoort.security.tls.RevocationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start while anything the gateway actually uses is
 * development material (see {@link DevMaterial}): the values as bound, not the property names
 * that happen to exist somewhere, and the files the registries name, not only their paths. Also
 * refuses a production without operators. Every finding is listed in one message.
 */
@Component
@Profile("prod")
public class ProductionGuard {

    private final List<String> problems = new ArrayList<>();

    @Autowired
    public ProductionGuard(SslBundles bundles, ServerProperties server, KeyRingProperties keys, PgpProperties pgp,
            SftpProperties sftp, OperatorProperties operators, PartnerRegistry partners, MunicipalityRegistry municipalities,
            ObjectProvider<RevocationProperties> revocation) {
        this(server.getSsl() == null || server.getSsl().getBundle() == null ? null : bundles.getBundle(server.getSsl().getBundle()),
                bundles.getBundle(ClientTlsConfig.BUNDLE), keys, pgp, sftp, operators, partners.all(), municipalities.all(),
                municipalities.organisations(), revocation.getIfAvailable());
    }

    ProductionGuard(SslBundle tls, SslBundle clientTls, KeyRingProperties keys, PgpProperties pgp, SftpProperties sftp,
            OperatorProperties operators, List<Partner> partners, List<Municipality> municipalities,
            List<MunicipalOrganisation> organisations, RevocationProperties revocation) {
        checkTls(tls);
        checkClientTls(clientTls);
        checkKeys("pseudonym", keys.pseudonym());
        checkKeys("master", keys.master());
        checkPgp(pgp);
        if (sftp.hostKey() != null && DevMaterial.inDevFolder(sftp.hostKey().toString())) {
            problems.add("signaalpoort.sftp.host-key lies in " + DevMaterial.DEV_FOLDER + "/");
        }
        if (revocation != null) {
            revocation.crlFiles().stream().filter(f -> DevMaterial.inDevFolder(f.getDescription()))
                    .forEach(f -> problems.add("signaalpoort.tls.revocation.crl-files: the development CA's CRL"));
        }
        checkOperators(operators);
        partners.forEach(this::checkPartner);
        municipalities.forEach(this::checkMunicipality);
        // A shared-service team's certificate (a municipality's own is checked with the municipality).
        organisations.stream().filter(o -> o.municipalities().size() > 1 && DevMaterial.devOin(o.oin()))
                .forEach(o -> problems.add("municipal organisation '" + o.id() + "': OIN from the development range "
                        + DevMaterial.DEV_OIN_PREFIX + "…"));
        organisations.stream().filter(o -> o.sftpAccount() != null).forEach(o -> checkFile("municipal organisation '" + o.id()
                + "' sftpAccount.authorizedKeys", o.sftpAccount().authorizedKeys(), DevMaterial::markedSshKeys));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the prod profile refuses to start with development material or without operators: "
                    + String.join("; ", problems));
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private void checkTls(SslBundle tls) {
        if (tls == null) {
            problems.add("server.ssl.bundle is not set: the API port would run without the configured TLS");
            return;
        }
        checkStores(tls, "TLS", "SIGNAALPOORT_TLS");
    }

    private void checkClientTls(SslBundle tls) {
        checkStores(tls, "client TLS", "SIGNAALPOORT_CLIENT");
    }

    /** Neither store of a bundle may hold a certificate that says DEV ONLY. */
    private void checkStores(SslBundle tls, String what, String variable) {
        try {
            DevMaterial.markedEntries(tls.getStores().getKeyStore()).forEach(alias -> problems.add(
                    what + " key store (" + variable + "_KEYSTORE): entry '" + alias + "' is a DEV ONLY certificate"));
            DevMaterial.markedEntries(tls.getStores().getTrustStore()).forEach(alias -> problems.add(
                    what + " trust store (" + variable + "_TRUSTSTORE): entry '" + alias + "' is a DEV ONLY CA"));
        } catch (KeyStoreException e) {
            problems.add("the " + what + " key or trust store cannot be read");
        }
    }

    /** Personal data and feedback leave over https only: two-way TLS with the gateway's certificate. */
    private void checkHttps(String what, String endpoint) {
        if (endpoint != null && !endpoint.regionMatches(true, 0, "https://", 0, 8)) {
            problems.add(what + " must be https in production");
        }
    }

    private void checkKeys(String name, KeyRingProperties.Ring ring) {
        if (ring == null || ring.ring() == null) {
            return;
        }
        ring.ring().stream().filter(entry -> DevMaterial.inDevFolder(entry.material()))
                .forEach(entry -> problems.add("signaalpoort.keys." + name + ": key '" + entry.id() + "' is development material from "
                        + DevMaterial.DEV_FOLDER + "/"));
    }

    private void checkPgp(PgpProperties pgp) {
        Resource key = pgp.decryptionKey();
        if (key == null) {
            return;
        }
        if (DevMaterial.inDevFolder(key.getDescription())) {
            problems.add("signaalpoort.pgp.decryption-key (SIGNAALPOORT_PGP_KEY_FILE) lies in " + DevMaterial.DEV_FOLDER + "/");
            return;
        }
        try (InputStream in = key.getInputStream()) {
            if (DevMaterial.markedPgpKey(in)) {
                problems.add("signaalpoort.pgp.decryption-key (SIGNAALPOORT_PGP_KEY_FILE) is a DEV ONLY OpenPGP key");
            }
        } catch (IOException | RuntimeException unreadable) {
            // The decryptor reports an unreadable key itself, with its own message.
        }
    }

    private void checkOperators(OperatorProperties operators) {
        if (operators.oins().isEmpty()) {
            problems.add("no operators: set signaalpoort.operators.oins (SIGNAALPOORT_OPERATOR_OINS)");
        }
        operators.oins().stream().filter(DevMaterial::devOin)
                .forEach(oin -> problems.add("operator OIN " + oin + " is from the development range " + DevMaterial.DEV_OIN_PREFIX + "…"));
    }

    private void checkPartner(Partner partner) {
        String entry = "partner '" + partner.id() + "'";
        if (DevMaterial.devOin(partner.oin())) {
            problems.add(entry + ": OIN from the development range " + DevMaterial.DEV_OIN_PREFIX + "…");
        }
        if (partner.sftp() != null) {
            checkFile(entry + " sftp.authorizedKeys", partner.sftp().authorizedKeys(), DevMaterial::markedSshKeys);
        }
        if (partner.pgp() != null) {
            checkFile(entry + " pgp.signingKey", partner.pgp().signingKey(), ProductionGuard::markedPgpKey);
        }
        if (partner.soap() != null) {
            checkFile(entry + " soap.signingCertificate", partner.soap().signingCertificate(), DevMaterial::markedCertificate);
        }
        if (partner.restSigning() != null) {
            checkFile(entry + " restSigning.certificate", partner.restSigning().certificate(), DevMaterial::markedCertificate);
        }
        if (partner.feedbackPush() != null) {
            checkHttps(entry + " feedbackPush.endpoint", partner.feedbackPush().endpoint());
            checkFile(entry + " feedbackPush.trustedCertificates", partner.feedbackPush().trustedCertificates(),
                    DevMaterial::markedCertificate);
        }
        if (partner.sftpRemote() != null) {
            checkFile(entry + " sftpRemote.privateKey", partner.sftpRemote().privateKey(), path -> false);
            checkFile(entry + " sftpRemote.knownHosts", partner.sftpRemote().knownHosts(), path -> false);
        }
    }

    private void checkMunicipality(Municipality municipality) {
        String entry = "municipality " + municipality.code();
        if (DevMaterial.devOin(municipality.oin())) {
            problems.add(entry + ": OIN from the development range " + DevMaterial.DEV_OIN_PREFIX + "…");
        }
        Municipality.Delivery delivery = municipality.delivery();
        if (delivery != null && (delivery.type() == DeliveryType.REST || delivery.type() == DeliveryType.SOAP)) {
            checkHttps(entry + " " + delivery.type() + " delivery endpoint", delivery.endpoint());
            checkFile(entry + " delivery.trustedCertificates", delivery.trustedCertificates(), DevMaterial::markedCertificate);
        }
        if (delivery != null && delivery.isFileDrop()) {
            if (delivery.openPgpKey() == null) {
                problems.add(entry + " " + delivery.type() + " delivery would write personal data unencrypted: register "
                        + "delivery.openPgpKey, the municipality's OpenPGP key");
            }
            checkFile(entry + " delivery.openPgpKey", delivery.openPgpKey(), ProductionGuard::markedPgpKey);
        }
        Municipality.Sftp sftp = delivery == null ? null : delivery.sftp();
        if (sftp != null) {
            checkFile(entry + " sftp.privateKey", sftp.privateKey(), path -> false);
            checkFile(entry + " sftp.knownHosts", sftp.knownHosts(), path -> false);
        }
    }

    private static boolean markedPgpKey(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return DevMaterial.markedPgpKey(in);
        }
    }

    private interface FileCheck {
        boolean marked(Path path) throws IOException;
    }

    private void checkFile(String what, String location, FileCheck marked) {
        if (location == null) {
            return;
        }
        if (DevMaterial.inDevFolder(location)) {
            problems.add(what + " lies in " + DevMaterial.DEV_FOLDER + "/");
            return;
        }
        try {
            Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            if (Files.isRegularFile(path) && marked.marked(path)) {
                problems.add(what + " is DEV ONLY material");
            }
        } catch (IOException | RuntimeException unreadable) {
            // The component using the file reports it unreadable, with its own message.
        }
    }
}
