package nl.signaalpoort.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;

/**
 * How development material gives itself away, wherever it was copied to: it lies in
 * {@code certs-dev/}, or its certificate subject, OpenPGP user id or SSH key comment says
 * {@code DEV ONLY} (certs-dev/generate.sh marks everything so), or it names an OIN of the made-up
 * range the development organisations use.
 */
final class DevMaterial {

    static final String DEV_FOLDER = "certs-dev";
    static final String MARK = "DEV ONLY";
    /** The OINs of certs-dev/ and the shipped registries are made up in this range. */
    static final String DEV_OIN_PREFIX = "00000099";

    private DevMaterial() {
    }

    static boolean inDevFolder(String location) {
        return location != null && location.replace('\\', '/').matches("(?s)(.*[/:])?" + DEV_FOLDER + "/.*");
    }

    static boolean devOin(String oin) {
        return oin != null && oin.startsWith(DEV_OIN_PREFIX);
    }

    static boolean marked(String text) {
        return text != null && text.toUpperCase(Locale.ROOT).contains(MARK);
    }

    /** The aliases in a key or trust store whose certificate (or any in its chain) is marked. */
    static List<String> markedEntries(KeyStore store) throws KeyStoreException {
        if (store == null) {
            return List.of();
        }
        return Collections.list(store.aliases()).stream().filter(alias -> {
            try {
                Certificate[] chain = store.getCertificateChain(alias);
                if (chain == null) {
                    Certificate single = store.getCertificate(alias);
                    chain = single == null ? new Certificate[0] : new Certificate[] {single};
                }
                for (Certificate certificate : chain) {
                    if (certificate instanceof X509Certificate x509 && marked(x509.getSubjectX500Principal().getName())) {
                        return true;
                    }
                }
                return false;
            } catch (KeyStoreException e) {
                return false;
            }
        }).sorted().toList();
    }

    /** A PEM or DER certificate file whose subject is marked. */
    static boolean markedCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return marked(certificate.getSubjectX500Principal().getName());
        } catch (CertificateException e) {
            return false;
        }
    }

    /** An armored OpenPGP key or certificate with a marked user id. */
    static boolean markedPgpKey(InputStream in) throws IOException {
        OpenPGPCertificate key = new OpenPGPKeyReader().parseCertificateOrKey(in);
        return key.getAllUserIds().stream().anyMatch(id -> marked(id.getUserId()));
    }

    /** An authorized_keys (or .pub) file with a key whose comment is marked. */
    static boolean markedSshKeys(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().anyMatch(DevMaterial::marked);
    }
}
