package nl.signaalpoort.routing;

import java.util.List;
import java.util.Set;

/**
 * The organisation behind a municipal certificate: a municipality of its own, or a shared-service
 * team acting for several (Druten-Wijchen, Orionis Walcheren), registered under
 * {@code organisations:} in {@code routes/municipalities.yaml}. It reports outcomes for, and reads
 * notifications of, exactly its municipalities.
 *
 * @param id             the gateway's id of the organisation; a municipality of its own: its code
 * @param oin            the OIN in its client certificate's subject serialNumber
 * @param municipalities the codes it acts for
 * @param delivery       a team's one feed: where the signals of its municipalities that register no
 *                       delivery of their own go (null: each municipality registers its own)
 * @param sftpAccount    its account on the gateway's SFTP server, for outcome files, if any
 */
public record MunicipalOrganisation(String id, String name, String oin, List<String> municipalities, Municipality.Delivery delivery,
        Municipality.SftpAccount sftpAccount) {

    public MunicipalOrganisation {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }

    /** A municipality that holds a certificate of its own acts for itself alone. */
    static MunicipalOrganisation of(Municipality municipality) {
        return new MunicipalOrganisation(municipality.code(), municipality.name(), municipality.oin(), List.of(municipality.code()), null,
                municipality.sftpAccount());
    }

    public Set<String> codes() {
        return Set.copyOf(municipalities);
    }

    public boolean actsFor(String municipalityCode) {
        return municipalities.contains(municipalityCode);
    }
}
