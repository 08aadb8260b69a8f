package nl.signaalpoort.security.tls;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Revocation checking of client certificates on the API port.
 *
 * @param enabled             check revocation at all (on unless switched off)
 * @param crlFiles            CRLs (PEM or DER) of the trusted CAs, re-read when they change
 * @param ocsp                ask the OCSP responder a certificate names (authority information access);
 *                            falls back to the CRLs when it names none
 * @param distributionPoints  fetch CRLs from the distribution points certificates name
 * @param whenUnavailable     what to do when no source can say whether a certificate is revoked
 *                            (an unreachable responder, an expired CRL): REFUSE (fail closed) or ACCEPT (fail open)
 * @param reloadInterval      how often the CRL files are looked at for a new version
 */
@ConfigurationProperties("signaalpoort.tls.revocation")
public record RevocationProperties(
        @DefaultValue("true") boolean enabled,
        List<Resource> crlFiles,
        @DefaultValue("true") boolean ocsp,
        @DefaultValue("false") boolean distributionPoints,
        @DefaultValue("REFUSE") WhenUnavailable whenUnavailable,
        @DefaultValue("PT5M") Duration reloadInterval) {

    public enum WhenUnavailable { REFUSE, ACCEPT }

    public RevocationProperties {
        crlFiles = crlFiles == null ? List.of() : List.copyOf(crlFiles);
    }
}
