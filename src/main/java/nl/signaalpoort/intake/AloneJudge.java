package nl.signaalpoort.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.signaalpoort.normalise.NormalisationResult;
import nl.signaalpoort.normalise.SignalNormaliser;
import nl.signaalpoort.pseudonym.EnvelopeCipher;
import nl.signaalpoort.pseudonym.PersonPseudonymiser;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityResolver;
import nl.signaalpoort.signal.Pseudonyms;
import nl.signaalpoort.signal.ReasonCode;
import nl.signaalpoort.signal.Rejection;
import nl.signaalpoort.signal.Signal;
import nl.signaalpoort.store.PersonalData;
import nl.signaalpoort.store.PersonalDataCodec;
import nl.signaalpoort.store.TimeOrderedIds;
import org.springframework.stereotype.Component;

/**
 * The first stage of intake, the part that needs no database and so runs while the chunk before is
 * being stored: a signal on its own normalised (or why not), routed to its municipality,
 * pseudonymised, and its personal data sealed under the id it gets if accepted.
 */
@Component
class AloneJudge {

    /** What one signal is on its own; {@code municipality} null: unknown; {@code signal} null: it could not be normalised. */
    record Alone(Signal signal, List<Rejection> problems, Municipality municipality, Pseudonyms pseudonyms, UUID id,
            EnvelopeCipher.Sealed personal) {
    }

    private final SignalNormaliser normaliser;
    private final PersonPseudonymiser pseudonymiser;
    private final EnvelopeCipher cipher;

    AloneJudge(Clock clock, PersonPseudonymiser pseudonymiser, EnvelopeCipher cipher) {
        this.normaliser = new SignalNormaliser(clock);
        this.pseudonymiser = pseudonymiser;
        this.cipher = cipher;
    }

    Alone judge(Signal raw, MunicipalityResolver.Day routing) {
        NormalisationResult normalised = normaliser.normalise(raw);
        if (!normalised.isValid()) {
            return new Alone(null, normalised.rejections(), null, null, null, null);
        }
        Signal signal = normalised.signal();
        Optional<Municipality> municipality = routing.resolve(signal.address().postcode(), signal.address().houseNumber());
        Pseudonyms pseudonyms = pseudonymiser.pseudonyms(signal.debtor(), signal.address());
        if (municipality.isEmpty()) {
            return new Alone(signal, List.of(Rejection.of(ReasonCode.UNKNOWN_MUNICIPALITY, "address.postcode")), null, pseudonyms, null,
                    null);
        }
        UUID id = TimeOrderedIds.next();
        EnvelopeCipher.Sealed personal = cipher.seal(
                PersonalDataCodec.toBytes(new PersonalData(signal.debtor(), signal.address(), signal.contact())), id.toString());
        return new Alone(signal, List.of(), municipality.get(), pseudonyms, id, personal);
    }
}
