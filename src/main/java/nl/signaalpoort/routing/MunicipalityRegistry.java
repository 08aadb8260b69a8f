package nl.signaalpoort.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.signaalpoort.config.YamlFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The municipalities operators registered, checked at start-up. */
@Component
public class MunicipalityRegistry {

    private final Map<String, Municipality> byCode;
    private final Map<String, Municipality> byOin;

    @Autowired
    public MunicipalityRegistry(RoutingProperties properties) {
        this(YamlFiles.read(properties.municipalities(), MunicipalityFile.class).municipalities());
    }

    MunicipalityRegistry(List<Municipality> municipalities) {
        validate(municipalities);
        this.byCode = municipalities.stream().collect(Collectors.toUnmodifiableMap(Municipality::code, Function.identity()));
        this.byOin = municipalities.stream().collect(Collectors.toUnmodifiableMap(Municipality::oin, Function.identity()));
    }

    public Optional<Municipality> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Optional<Municipality> byOin(String oin) {
        return Optional.ofNullable(byOin.get(oin));
    }

    public List<Municipality> all() {
        return List.copyOf(byCode.values());
    }

    private static void validate(List<Municipality> municipalities) {
        if (municipalities == null || municipalities.isEmpty()) {
            throw new IllegalStateException("municipality registry: no municipalities registered");
        }
        Set<String> codes = new HashSet<>();
        Set<String> oins = new HashSet<>();
        for (Municipality m : municipalities) {
            String where = "municipality registry: '" + m.code() + "': ";
            if (!Municipality.isCode(m.code())) {
                throw new IllegalStateException(where + "code must be a CBS code such as GM0363");
            }
            if (m.oin() == null || !m.oin().matches("[0-9]{20}")) {
                throw new IllegalStateException(where + "oin must be 20 digits");
            }
            if (m.delivery() == null || m.delivery().type() == null || m.delivery().endpoint() == null) {
                throw new IllegalStateException(where + "delivery needs a type and an endpoint");
            }
            if ((m.delivery().type() == DeliveryType.REST || m.delivery().type() == DeliveryType.SOAP)
                    && !m.delivery().endpoint().matches("https?://.+")) {
                throw new IllegalStateException(where + "a REST or SOAP endpoint must be an http(s) URL");
            }
            if (m.delivery().type() == DeliveryType.SFTP && (!m.delivery().endpoint().matches("sftp://[^/:]+(:[0-9]+)?/.*")
                    || m.delivery().sftp() == null || m.delivery().sftp().username() == null
                    || m.delivery().sftp().privateKey() == null || m.delivery().sftp().knownHosts() == null)) {
                throw new IllegalStateException(where + "SFTP delivery needs an sftp://host[:port]/folder endpoint and "
                        + "sftp.username, sftp.privateKey and sftp.knownHosts");
            }
            if (m.delivery().openPgpKey() != null && !m.delivery().isFileDrop()) {
                throw new IllegalStateException(where + "openPgpKey is for FILE and SFTP deliveries; REST and SOAP are signed "
                        + "and go over two-way TLS");
            }
            if (m.delivery().trustedCertificates() != null && m.delivery().isFileDrop()) {
                throw new IllegalStateException(where + "trustedCertificates is for REST and SOAP deliveries; an SFTP server "
                        + "is trusted by its knownHosts");
            }
            if (m.delivery().timing() == DeliveryTiming.DAILY && m.delivery().dailyAt() == null) {
                throw new IllegalStateException(where + "DAILY delivery needs dailyAt, such as \"06:00\"");
            }
            if (m.delivery().batchSize() < 1 || m.delivery().batchSize() > 50_000) {
                throw new IllegalStateException(where + "batchSize must be 1 to 50000 (the DDAS page limit)");
            }
            if (!codes.add(m.code()) || !oins.add(m.oin())) {
                throw new IllegalStateException(where + "code or oin is registered twice");
            }
        }
    }

    record MunicipalityFile(List<Municipality> municipalities) {
    }
}
