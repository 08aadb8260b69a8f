package nl.signaalpoort.delivery;

import nl.signaalpoort.camel.Routes;
import nl.signaalpoort.files.AtomicFiles;
import nl.signaalpoort.files.SftpConnection;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import org.springframework.stereotype.Component;

/**
 * The Camel {@code sftp:} endpoint for a municipality's server ({@link SftpConnection}), files
 * written under a temporary name and renamed, so the municipality never picks up half a file.
 */
@Component(Routes.SFTP_TARGETS)
public class SftpTargets {

    private final MunicipalityRegistry municipalities;
    private final DeliveryProperties properties;

    public SftpTargets(MunicipalityRegistry municipalities, DeliveryProperties properties) {
        this.municipalities = municipalities;
        this.properties = properties;
    }

    public String uri(DeliveryBatch batch) {
        return uri(batch.municipalityCode(), "");
    }

    /** The endpoint for files into {@code subfolder} (empty: the folder itself) of the municipality's folder. */
    public String uri(String municipalityCode, String subfolder) {
        Municipality m = municipalities.byCode(municipalityCode)
                .orElseThrow(() -> new IllegalStateException("unregistered municipality " + municipalityCode));
        Municipality.Sftp sftp = m.delivery().sftp();
        return m.delivery().endpoint() + (subfolder.isEmpty() ? "" : "/" + subfolder) + "?"
                + SftpConnection.options(sftp.username(), sftp.privateKey(), sftp.knownHosts(), properties.callTimeout())
                + "&tempPrefix=" + AtomicFiles.TEMPORARY_PREFIX + "&fileExist=Override&autoCreate=true";
    }
}
