package nl.signaalpoort.routing;

import java.time.LocalDate;

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

/**
 * The municipalities operators registered, and the organisations that act for them (a municipality
 * with a certificate of its own, or a shared-service team for several), checked at start-up.
 */
@Component
public class MunicipalityRegistry {

    private static final String ORGANISATION_ID = "[a-z0-9][a-z0-9-]{1,62}";

    private final Map<String, Municipality> byCode;
    private final Map<String, MunicipalOrganisation> byOin;
    private final Map<String, MunicipalOrganisation> organisationsById;

    @Autowired
    public MunicipalityRegistry(RoutingProperties properties) {
        this(YamlFiles.read(properties.municipalities(), MunicipalityFile.class));
    }

    MunicipalityRegistry(List<Municipality> municipalities) {
        this(new MunicipalityFile(List.of(), municipalities));
    }

    MunicipalityRegistry(MunicipalityFile file) {
        List<MunicipalOrganisation> teams = file.organisations() == null ? List.of() : file.organisations();
        List<Municipality> municipalities = withTeamFeeds(file.municipalities(), teams);
        validate(municipalities);
        this.byCode = municipalities.stream().collect(Collectors.toUnmodifiableMap(Municipality::code, Function.identity()));
        this.byOin = organisations(municipalities, teams).stream()
                .collect(Collectors.toUnmodifiableMap(MunicipalOrganisation::oin, Function.identity()));
        this.organisationsById = byOin.values().stream()
                .collect(Collectors.toUnmodifiableMap(MunicipalOrganisation::id, Function.identity()));
    }

    public Optional<Municipality> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The organisation whose certificate carries this OIN: a municipality of its own or a shared-service team. */
    public Optional<MunicipalOrganisation> organisationByOin(String oin) {
        return Optional.ofNullable(byOin.get(oin));
    }

    public List<Municipality> all() {
        return List.copyOf(byCode.values());
    }

    /** The organisation by its id (a municipality's own: its code). */
    public Optional<MunicipalOrganisation> organisationById(String id) {
        return Optional.ofNullable(organisationsById.get(id));
    }

    public List<MunicipalOrganisation> organisations() {
        return List.copyOf(byOin.values());
    }

    /** A member that registers no delivery of its own is delivered in its team's one feed. */
    private static List<Municipality> withTeamFeeds(List<Municipality> municipalities, List<MunicipalOrganisation> teams) {
        if (municipalities == null || municipalities.isEmpty()) {
            throw new IllegalStateException("municipality registry: no municipalities registered");
        }
        Map<String, MunicipalOrganisation> teamOf = new java.util.HashMap<>();
        Set<String> known = municipalities.stream().map(Municipality::code).collect(Collectors.toSet());
        Set<String> ids = new HashSet<>();
        for (MunicipalOrganisation team : teams) {
            String where = "municipality registry: organisation '" + team.id() + "': ";
            if (team.id() == null || !team.id().matches(ORGANISATION_ID) || !ids.add(team.id())) {
                throw new IllegalStateException(where + "id must be lower-case letters, digits and '-', and registered once");
            }
            if (team.municipalities().size() < 2) {
                throw new IllegalStateException(where + "a shared-service organisation acts for at least two municipalities");
            }
            for (String code : team.municipalities()) {
                if (!known.contains(code)) {
                    throw new IllegalStateException(where + "acts for " + code + ", which is not a registered municipality");
                }
                if (teamOf.put(code, team) != null) {
                    throw new IllegalStateException(where + code + " already belongs to another organisation");
                }
            }
        }
        return municipalities.stream().map(m -> m.delivery() == null && teamOf.containsKey(m.code()) && teamOf.get(m.code()).delivery() != null
                ? m.withDelivery(teamOf.get(m.code()).delivery()) : m).toList();
    }

    private static List<MunicipalOrganisation> organisations(List<Municipality> municipalities, List<MunicipalOrganisation> teams) {
        List<MunicipalOrganisation> all = new java.util.ArrayList<>(teams);
        municipalities.stream().filter(m -> m.oin() != null).map(MunicipalOrganisation::of).forEach(all::add);
        Set<String> oins = new HashSet<>();
        for (MunicipalOrganisation o : all) {
            if (o.oin() == null || !o.oin().matches("[0-9]{20}")) {
                throw new IllegalStateException("municipality registry: '" + o.id() + "': oin must be 20 digits");
            }
            if (!oins.add(o.oin())) {
                throw new IllegalStateException("municipality registry: '" + o.id() + "': oin is registered twice");
            }
        }
        Set<String> reported = all.stream().flatMap(o -> o.municipalities().stream()).collect(Collectors.toSet());
        municipalities.stream().filter(m -> !reported.contains(m.code())).findFirst().ifPresent(m -> {
            throw new IllegalStateException("municipality registry: '" + m.code() + "': oin must be 20 digits (or the municipality "
                    + "must belong to an organisation that reports for it)");
        });
        return all;
    }

    private static void validate(List<Municipality> municipalities) {
        Set<String> codes = new HashSet<>();
        for (Municipality m : municipalities) {
            String where = "municipality registry: '" + m.code() + "': ";
            if (!Municipality.isCode(m.code())) {
                throw new IllegalStateException(where + "code must be a CBS code such as GM0363");
            }
            if (m.oin() != null && !m.oin().matches("[0-9]{20}")) {
                throw new IllegalStateException(where + "oin must be 20 digits");
            }
            if (m.sftpAccount() != null && (m.oin() == null || m.sftpAccount().authorizedKeys() == null)) {
                throw new IllegalStateException(where + "sftpAccount needs authorizedKeys, and an oin of its own (a member of a "
                        + "shared-service organisation uploads through the organisation's account)");
            }
            if (m.delivery() == null || m.delivery().type() == null || m.delivery().endpoint() == null) {
                throw new IllegalStateException(where + "delivery needs a type and an endpoint (a member of a shared-service organisation may "
                        + "take the organisation's one feed instead)");
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
            if (!codes.add(m.code())) {
                throw new IllegalStateException(where + "code is registered twice");
            }
        }
        Map<String, Municipality> byCode = municipalities.stream().collect(Collectors.toMap(Municipality::code, Function.identity()));
        for (Municipality m : municipalities) {
            if (m.mergedInto() == null) {
                continue;
            }
            String where = "municipality registry: '" + m.code() + "': ";
            Municipality successor = m.mergedInto().code() == null ? null : byCode.get(m.mergedInto().code());
            if (successor == null || successor == m || m.mergedInto().on() == null) {
                throw new IllegalStateException(where + "mergedInto needs the code of another registered municipality and the day it takes over (on)");
            }
            if (successor.mergedInto() != null) {
                throw new IllegalStateException(where + "mergedInto must name the municipality that remains, not one that merges itself");
            }
        }
    }

    /** The municipality in charge of {@code m}'s signals on {@code day}: its successor once it merged, else itself. */
    public Municipality inCharge(Municipality m, LocalDate day) {
        return m.mergedBy(day) ? byCode.get(m.mergedInto().code()) : m;
    }

    record MunicipalityFile(List<MunicipalOrganisation> organisations, List<Municipality> municipalities) {
    }
}
