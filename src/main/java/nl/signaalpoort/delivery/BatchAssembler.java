package nl.signaalpoort.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.signaalpoort.history.Annotations;
import nl.signaalpoort.history.SignalHistory;
import nl.signaalpoort.history.SignalKeys;
import nl.signaalpoort.partner.PartnerRegistry;
import nl.signaalpoort.pseudonym.PersonPseudonymiser;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.signal.Pseudonyms;
import nl.signaalpoort.store.OutboxEntry;
import nl.signaalpoort.store.PersonalData;
import nl.signaalpoort.store.SignalRepository;
import nl.signaalpoort.store.StoredSignal;
import nl.signaalpoort.store.WithdrawalRepository;
import nl.signaalpoort.withdrawal.WithdrawalReason;
import org.springframework.stereotype.Component;

/**
 * Turns one municipality's claimed outbox entries into batches of documents, in outbox order: the
 * signals, and the notices of withdrawn ones.
 * Personal data is decrypted here ({@link PersonalDataOpener}), at the moment of delivery.
 */
@Component
public class BatchAssembler {

    private final SignalRepository signals;
    private final PartnerRegistry partners;
    private final PersonalDataOpener opener;
    private final PersonPseudonymiser pseudonymiser;
    private final SignalHistory history;
    private final WithdrawalRepository withdrawals;
    private final MunicipalSignalMapper mapper = new MunicipalSignalMapper();

    public BatchAssembler(SignalRepository signals, PartnerRegistry partners, PersonalDataOpener opener,
            PersonPseudonymiser pseudonymiser, SignalHistory history, WithdrawalRepository withdrawals) {
        this.withdrawals = withdrawals;
        this.signals = signals;
        this.partners = partners;
        this.opener = opener;
        this.pseudonymiser = pseudonymiser;
        this.history = history;
    }

    /**
     * The entries grouped into the batches the claim put them in (each entry carries its batch id),
     * in order. Cheap: the documents of a batch are built by {@link #batch} just before its call,
     * so a large claim starts delivering at once instead of after decrypting all of it.
     */
    public static List<List<OutboxEntry>> groups(List<OutboxEntry> entries) {
        List<List<OutboxEntry>> groups = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= entries.size(); i++) {
            if (i == entries.size() || !entries.get(i).deliveryBatchId().equals(entries.get(from).deliveryBatchId())) {
                groups.add(List.copyOf(entries.subList(from, i)));
                from = i;
            }
        }
        return groups;
    }

    /** The signal's pseudonyms under every key in the ring, so history from before a rotation is found. */
    private SignalKeys keys(StoredSignal s, PersonalData p) {
        List<Pseudonyms> all = pseudonymiser.lookupPseudonyms(p.debtor(), p.address());
        return new SignalKeys(s.signalId(), s.partnerId(), s.arrears().totalAmount().cents(), s.receivedAt(),
                all.stream().map(Pseudonyms::person).collect(Collectors.toSet()),
                all.stream().map(Pseudonyms::household).collect(Collectors.toSet()),
                all.stream().map(Pseudonyms::tolerantPerson).collect(Collectors.toSet()));
    }

    /** Personal data is decrypted just before it goes to the municipality. */
    private PersonalData decrypt(StoredSignal s) {
        PersonalData personal = opener.openOrNull(s.signalId(), s.masterKeyId(), s.wrappedDataKey(), s.personalCiphertext());
        if (personal == null) {
            throw new IllegalStateException("personal data of signal " + s.signalId() + " was shredded before delivery");
        }
        return personal;
    }

    /** One batch with its documents: the only place personal data is decrypted, just before the call. */
    public DeliveryBatch batch(Municipality municipality, List<OutboxEntry> entries) {
        List<UUID> withdrawn = entries.stream().filter(OutboxEntry::isWithdrawal).map(OutboxEntry::signalId).toList();
        List<MunicipalSignal> documents = documents(municipality, entries.stream().filter(e -> !e.isWithdrawal()).map(OutboxEntry::signalId).toList());
        Map<UUID, WithdrawalRepository.StoredWithdrawal> found = withdrawn.isEmpty() ? Map.of()
                : withdrawals.findAll(withdrawn).stream().collect(Collectors.toMap(WithdrawalRepository.StoredWithdrawal::signalId, w -> w));
        List<MunicipalWithdrawal> notices = new ArrayList<>(withdrawn.size());
        for (UUID signalId : withdrawn) {
            // In outbox order, as the signals are.
            WithdrawalRepository.StoredWithdrawal w = found.get(signalId);
            if (w == null) {
                throw new IllegalStateException("withdrawal notice without its withdrawal");
            }
            notices.add(new MunicipalWithdrawal(w.signalId(), municipality.code(), MunicipalWithdrawal.reden(WithdrawalReason.valueOf(w.reason())),
                    w.withdrawnAt()));
        }
        return new DeliveryBatch(entries.get(0).deliveryBatchId(), municipality.code(), municipality.delivery().type(),
                municipality.delivery().endpoint(), List.copyOf(entries), documents, notices);
    }

    private List<MunicipalSignal> documents(Municipality municipality, List<UUID> signalIds) {
        if (signalIds.isEmpty()) {
            return List.of();
        }
        List<StoredSignal> stored = signals.loadForDelivery(signalIds);
        List<PersonalData> personal = stored.stream().map(this::decrypt).toList();
        List<SignalKeys> keys = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            keys.add(keys(stored.get(i), personal.get(i)));
        }
        Map<UUID, Annotations> annotations = history.annotate(keys);
        List<MunicipalSignal> documents = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            StoredSignal s = stored.get(i);
            documents.add(mapper.map(s, personal.get(i), partners.byId(s.partnerId())
                    .orElseThrow(() -> new IllegalStateException("signal of unregistered partner " + s.partnerId())), municipality,
                    annotations.getOrDefault(s.signalId(), Annotations.NONE)));
        }
        return documents;
    }
}
