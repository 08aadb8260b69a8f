package nl.signaalpoort.partner;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.signaalpoort.config.YamlFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The partners operators registered, checked at start-up: a registry mistake stops the gateway with a clear message. */
@Component
public class PartnerRegistry {

    private static final Pattern OIN = Pattern.compile("[0-9]{20}");

    private final Map<String, Partner> byOin;
    private final Map<String, Partner> byId;

    @Autowired
    public PartnerRegistry(PartnerRegistryProperties properties) {
        this(YamlFiles.read(properties.registry(), PartnerFile.class).partners());
    }

    PartnerRegistry(List<Partner> partners) {
        validate(partners);
        this.byOin = partners.stream().collect(Collectors.toUnmodifiableMap(Partner::oin, Function.identity()));
        this.byId = partners.stream().collect(Collectors.toUnmodifiableMap(Partner::id, Function.identity()));
    }

    public Optional<Partner> byOin(String oin) {
        return Optional.ofNullable(byOin.get(oin));
    }

    public Optional<Partner> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Partner> all() {
        return List.copyOf(byId.values());
    }

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[a-z]{2,}");

    /** A team's contact: a name, a way to reach it that matches its preference, nothing long. */
    private static void checkContact(String where, Partner.Contact contact) {
        if (contact == null) {
            return;
        }
        if (blank(contact.team()) || contact.team().length() > 100 || (contact.hours() != null && contact.hours().length() > 100)) {
            throw new IllegalStateException(where + "contact.team is required; team and hours at most 100 characters");
        }
        if (contact.phone() != null && !PHONE.matcher(contact.phone()).matches()) {
            throw new IllegalStateException(where + "contact.phone must be a phone number such as +31 20 123 4567");
        }
        if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
            throw new IllegalStateException(where + "contact.email must be an e-mail address");
        }
        if (contact.phone() == null && contact.email() == null
                || contact.preferred() == Partner.ContactChannel.PHONE && contact.phone() == null
                || contact.preferred() == Partner.ContactChannel.EMAIL && contact.email() == null) {
            throw new IllegalStateException(where + "contact needs a phone or an e-mail address, and the one it prefers");
        }
    }

    private static void validate(List<Partner> partners) {
        if (partners == null || partners.isEmpty()) {
            throw new IllegalStateException("partner registry: no partners registered");
        }
        Set<String> ids = new HashSet<>();
        Set<String> oins = new HashSet<>();
        for (Partner p : partners) {
            String where = "partner registry: partner '" + p.id() + "': ";
            if (p.id() == null || !p.id().matches("[a-z0-9][a-z0-9-]{1,62}")) {
                throw new IllegalStateException(where + "id must be 2-63 lower-case letters, digits or hyphens");
            }
            if (p.oin() == null || !OIN.matcher(p.oin()).matches()) {
                throw new IllegalStateException(where + "oin must be 20 digits");
            }
            if (p.name() == null || p.name().isBlank()) {
                throw new IllegalStateException(where + "name is required");
            }
            if (p.feedbackPush() != null && (p.feedbackPush().endpoint() == null
                    || !p.feedbackPush().endpoint().matches("https?://.+"))) {
                throw new IllegalStateException(where + "feedbackPush.endpoint must be an http(s) URL");
            }
            if (p.sftpRemote() != null && (blank(p.sftpRemote().host()) || blank(p.sftpRemote().username())
                    || blank(p.sftpRemote().privateKey()) || blank(p.sftpRemote().knownHosts()) || blank(p.sftpRemote().inbox())
                    || blank(p.sftpRemote().outbox()))) {
                throw new IllegalStateException(where + "sftpRemote needs host, username, privateKey, knownHosts, inbox and outbox");
            }
            if (p.soap().profile() == Partner.SoapProfile.TWO_WAY_SIGNED && blank(p.soap().signingCertificate())) {
                throw new IllegalStateException(where + "soap profile 2W-be-S needs a signingCertificate");
            }
            if (p.sector() == null) {
                throw new IllegalStateException(where + "sector is required");
            }
            checkContact(where, p.contact());
            if (p.contactDataNotices() != null && (p.contactDataNotices().legalBasis() == null || p.contactDataNotices().legalBasis().isBlank())) {
                throw new IllegalStateException(where + "contactDataNotices needs the legalBasis it is received under");
            }
            if (!ids.add(p.id())) {
                throw new IllegalStateException(where + "id is registered twice");
            }
            if (!oins.add(p.oin())) {
                throw new IllegalStateException(where + "oin is registered twice");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    record PartnerFile(List<Partner> partners) {
    }
}
