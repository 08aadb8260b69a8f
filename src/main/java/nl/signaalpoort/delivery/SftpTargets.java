package nl.signaalpoort.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.springframework.stereotype.Component;

/**
 * The Camel {@code sftp:} endpoint for a municipality's server: public-key login, strict host key
 * checking against the registered known_hosts file (never the user's own), files written under a
 * temporary name and renamed, so the municipality never picks up half a file.
 */
@Component("sftpTargets")
public class SftpTargets {

    private final MunicipalityRegistry municipalities;
    private final DeliveryProperties properties;

    public SftpTargets(MunicipalityRegistry municipalities, DeliveryProperties properties) {
        this.municipalities = municipalities;
        this.properties = properties;
    }

    public String uri(DeliveryBatch batch) {
        Municipality m = municipalities.byCode(batch.municipalityCode())
                .orElseThrow(() -> new IllegalStateException("unregistered municipality " + batch.municipalityCode()));
        Municipality.Sftp sftp = m.delivery().sftp();
        long timeoutMs = properties.callTimeout().toMillis();
        return m.delivery().endpoint()
                + "?username=" + encode(sftp.username())
                + "&privateKeyFile=" + encode(sftp.privateKey())
                + "&knownHostsFile=" + encode(sftp.knownHosts())
                + "&strictHostKeyChecking=yes&useUserKnownHostsFile=false"
                + "&tempPrefix=.part-&fileExist=Override&autoCreate=true"
                + "&connectTimeout=" + Math.min(timeoutMs, 10_000) + "&timeout=" + timeoutMs + "&soTimeout=" + timeoutMs;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
