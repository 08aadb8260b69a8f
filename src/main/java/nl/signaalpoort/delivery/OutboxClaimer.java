package nl.signaalpoort.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.pseudonym.EnvelopeCipher;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.MunicipalityRegistry;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.OutboxRepository;
import nl.signaalpoort.store.PersonalData;
import nl.signaalpoort.store.PersonalDataCodec;
import nl.signaalpoort.store.SignalRepository;
import nl.signaalpoort.store.StoredSignal;
import org.springframework.stereotype.Component;

/**
 * Claims due outbox entries and groups them into per-municipality batches in outbox order, each
 * with the documents to deliver. Personal data is read here, at the moment of delivery, not before.
 */
@Component("outboxClaimer")
public class OutboxClaimer {

    private final OutboxRepository outbox;
    private final SignalRepository signals;
    private final MunicipalityRegistry municipalities;
    private final PartnerRegistry partners;
    private final EnvelopeCipher cipher;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final MunicipalSignalMapper mapper = new MunicipalSignalMapper();

    public OutboxClaimer(OutboxRepository outbox, SignalRepository signals, MunicipalityRegistry municipalities,
            PartnerRegistry partners, EnvelopeCipher cipher, DeliveryProperties properties, Clock clock) {
        this.outbox = outbox;
        this.signals = signals;
        this.municipalities = municipalities;
        this.partners = partners;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    public List<DeliveryBatch> claimDue() {
        Instant now = clock.instant();
        List<OutboxEntry> due = outbox.claimDue(now, now.plus(properties.lease()), properties.claimLimit());
        if (due.isEmpty()) {
            return List.of();
        }
        Map<String, List<OutboxEntry>> byMunicipality = new LinkedHashMap<>();
        for (OutboxEntry entry : due) {
            byMunicipality.computeIfAbsent(entry.municipalityCode(), k -> new ArrayList<>()).add(entry);
        }
        List<DeliveryBatch> batches = new ArrayList<>();
        byMunicipality.forEach((code, entries) -> {
            Municipality municipality = municipalities.byCode(code)
                    .orElseThrow(() -> new IllegalStateException("outbox holds signals for unregistered municipality " + code));
            int size = municipality.delivery().batchSize();
            for (int from = 0; from < entries.size(); from += size) {
                batches.add(batch(municipality, entries.subList(from, Math.min(entries.size(), from + size))));
            }
        });
        return batches;
    }

    /** The only place personal data is decrypted: just before it goes to the municipality. */
    private PersonalData decrypt(StoredSignal s) {
        if (s.personalCiphertext() == null) {
            throw new IllegalStateException("personal data of signal " + s.signalId() + " was shredded before delivery");
        }
        byte[] json = cipher.open(new EnvelopeCipher.Sealed(s.masterKeyId(), s.wrappedDataKey(), s.personalCiphertext()),
                s.signalId().toString());
        return PersonalDataCodec.fromBytes(json);
    }

    private DeliveryBatch batch(Municipality municipality, List<OutboxEntry> entries) {
        List<StoredSignal> stored = signals.loadForDelivery(entries.stream().map(OutboxEntry::signalId).toList());
        List<MunicipalSignal> documents = stored.stream()
                .map(s -> mapper.map(s, decrypt(s), partners.byId(s.partnerId())
                        .orElseThrow(() -> new IllegalStateException("signal of unregistered partner " + s.partnerId()))))
                .toList();
        return new DeliveryBatch(UUID.randomUUID(), municipality.code(), municipality.delivery().type(),
                municipality.delivery().endpoint(), List.copyOf(entries), documents);
    }
}
