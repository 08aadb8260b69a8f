package nl.signaalpoort.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * A delivery in the DDAS-Vroegsignalering v1.2 exchange model (the {@code Uitwisselmodel}), with
 * the model's own Dutch names. Only what the gateway holds is filled in; absent fields are left
 * out (contracts/monitor/ddas-export.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DdasDocument(LocalDate startdatumLevering, LocalDate einddatumLevering, String aanleverdatumEnTijd,
        String codeGegevensleverancier, List<Levering> leveringen) {

    /** One municipality's signals and closed cases. {@code gemeentecode}: the CBS code's four digits. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Levering(int teller, String gemeentecode, Organisatie aanleverendeOrganisatie, List<Vroegsignaal> vroegsignalen,
            List<Vroegsignaalzaak> vroegsignaalzaken) {
    }

    public record Organisatie(String naam) {
    }

    /** {@code ID}: the gateway's signal id, as the municipality received it ({@code signaalId}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vroegsignaal(@JsonProperty("ID") String id, boolean crisissignaal, boolean warmeOverdracht, long bedrag,
            LocalDate ontstaansdatum, LocalDate signaaldatum, String status, Signaalpartner signaalpartner, Client client) {
    }

    public record Signaalpartner(String type) {
    }

    /** The resident by address, the only way the gateway knows them: partners never send a citizen service number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Client(LocalDate geboortedatum, String postcode, String huisnummer, String huisnummertoevoeging) {
    }

    public record Vroegsignaalzaak(String resultaat, List<SignaalVerwijzing> vroegsignalen) {
    }

    public record SignaalVerwijzing(@JsonProperty("ID") String id) {
    }
}
