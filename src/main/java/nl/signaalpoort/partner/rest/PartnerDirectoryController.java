package nl.signaalpoort.partner.rest;

import java.util.Comparator;
import java.util.List;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.partner.PartnerRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/partners}: for municipal organisations, the registered partners and whom at
 * each to contact about a signal (the contact that also comes with every delivered signal). Only
 * what the registry holds about the organisations; nothing of any resident.
 */
@RestController
public class PartnerDirectoryController {

    /** The directory, ordered by partner id. */
    public record PartnerDirectory(List<PartnerEntry> partners) {
    }

    public record PartnerEntry(String id, String name, String oin, String sector, Partner.Contact contact) {
    }

    private final PartnerRegistry partners;

    public PartnerDirectoryController(PartnerRegistry partners) {
        this.partners = partners;
    }

    @GetMapping(path = "/api/v1/partners", produces = MediaType.APPLICATION_JSON_VALUE)
    public PartnerDirectory list() {
        return new PartnerDirectory(partners.all().stream().sorted(Comparator.comparing(Partner::id))
                .map(p -> new PartnerEntry(p.id(), p.name(), p.oin(), p.sector().name(), p.contact())).toList());
    }
}
