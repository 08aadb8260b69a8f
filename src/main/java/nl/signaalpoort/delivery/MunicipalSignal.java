package nl.signaalpoort.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.signaalpoort.signal.Money;

/**
 * A signal as municipal software receives it, with field names after the VNG DDAS model
 * (contracts/municipal/municipal-delivery-v1.yaml). {@code signaalId} is the idempotency key;
 * {@code uitersteActiedatum}, for an urgent signal only, the last day the municipality must act;
 * {@code werktBijSignaalId}, for an update only, the earlier signal whose case it continues.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MunicipalSignal(
        UUID signaalId,
        String gemeentecode,
        String soortSignaal,
        LocalDate signaaldatum,
        boolean crisis,
        boolean warmeOverdracht,
        LocalDate einddatumLevering,
        LocalDate uitersteActiedatum,
        UUID werktBijSignaalId,
        Vastelastenpartner vastelastenpartner,
        Persoon persoon,
        Adres adres,
        Contactgegevens contactgegevens,
        Achterstand achterstand,
        Regelset regelset,
        Annotaties annotaties,
        Instant ontvangenOp) {

    /** The partner, and whom at the partner the municipality contacts about the signal (absent if not registered). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vastelastenpartner(String naam, String oin, String sector, Contact contact) {
    }

    /** The partner's team: its name, phone, e-mail, the way it prefers ({@code TELEFOON}, {@code EMAIL}), when reachable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String team, String telefoonnummer, String emailadres, String voorkeur, String bereikbaar) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Persoon(String voorletters, String voornamen, String voorvoegsel, String achternaam,
            LocalDate geboortedatum, String rechtsvorm) {
        @Override
        public String toString() {
            return "Persoon[personal data masked]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Adres(String straatnaam, Integer huisnummer, String huisnummertoevoeging, String postcode,
            String plaatsnaam, String soortObject) {
        @Override
        public String toString() {
            return "Adres[personal data masked]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contactgegevens(String telefoonnummer, String emailadres) {
        @Override
        public String toString() {
            return "Contactgegevens[personal data masked]";
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Achterstand(Money totaalBedrag, Money termijnBedrag, Integer aantalTermijnen, Integer aantalAanmaningen,
            LocalDate oudsteVervaldatum, LocalDate nieuwsteVervaldatum, Money premieBedrag, Money eigenRisicoBedrag,
            Money eigenBijdrageBedrag, Money boeteBedrag, Money borgBedrag, boolean betalingsregelingMislukt,
            boolean overgedragenAanDeurwaarder, boolean bekendeSchuldregeling, boolean persoonlijkAansprakelijk) {
    }

    /**
     * Which rule set of the partner the signal passed, and its criteria (reason code of each rule
     * and its parameters), so the municipality knows why it got the signal.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Regelset(String id, String versie, JsonNode criteria) {
    }

    /**
     * What the pseudonymous history says, for prioritising: computed from keyed pseudonyms only.
     *
     * @param eerdereSignalenZelfdePartner    earlier signals of the same partner for this person (12 months)
     * @param bedragGestegen                  the amount rose since the partner's previous signal
     * @param herhaaldeMelding                a repeat with the same or a lower amount
     * @param andereVastelastenpartnersOpAdres other partners that signalled this household (3 months)
     * @param recidive                        an earlier signal for this person from any partner (6 months)
     * @param structureleLaatbetaler          three or more signals from this partner in 12 months
     * @param alleenTolerantGekoppeld         earlier signals found only with swapped surname parts or a placeholder birth date
     */
    public record Annotaties(int eerdereSignalenZelfdePartner, boolean bedragGestegen, boolean herhaaldeMelding,
            int andereVastelastenpartnersOpAdres, boolean recidive, boolean structureleLaatbetaler,
            boolean alleenTolerantGekoppeld) {
    }

    @Override
    public String toString() {
        return "MunicipalSignal[" + signaalId + ", personal data masked]";
    }
}
