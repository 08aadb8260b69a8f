package nl.signaalpoort.delivery;

import java.util.Map;
import nl.signaalpoort.history.Annotations;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.routing.Municipality;
import nl.signaalpoort.routing.Urgency;
import nl.signaalpoort.signal.Address;
import nl.signaalpoort.signal.Arrears;
import nl.signaalpoort.signal.Contact;
import nl.signaalpoort.signal.Debtor;
import nl.signaalpoort.signal.Sector;
import nl.signaalpoort.signal.SignalKind;
import nl.signaalpoort.store.PersonalData;
import nl.signaalpoort.store.StoredSignal;

/** Canonical stored signal to the municipal (DDAS-shaped) document. */
public final class MunicipalSignalMapper {

    private static final Map<SignalKind, String> KIND = Map.of(
            SignalKind.EARLY, "VROEGSIGNAAL", SignalKind.UPDATED, "UPDATE", SignalKind.END_OF_SUPPLY, "EINDELEVERING");
    private static final Map<Sector, String> SECTOR = Map.of(
            Sector.ENERGY, "ENERGIE", Sector.WATER, "WATER", Sector.HEALTH_INSURANCE, "ZORGVERZEKERING", Sector.HOUSING, "WONEN");

    public MunicipalSignal map(StoredSignal s, PersonalData personal, Partner partner, Municipality municipality, Annotations h) {
        Debtor d = personal.debtor();
        Address a = personal.address();
        Contact c = personal.contact();
        Arrears r = s.arrears();
        return new MunicipalSignal(
                s.signalId(),
                s.municipalityCode(),
                KIND.get(s.kind()),
                s.signalDate(),
                s.crisis(),
                s.warmHandover(),
                s.endOfSupplyDate(),
                Urgency.actBy(new Urgency.Facts(s.kind(), s.crisis(), s.warmHandover(), s.endOfSupplyDate()), municipality, s.receivedAt()),
                s.updatesSignalId(),
                new MunicipalSignal.Vastelastenpartner(partner.name(), partner.oin(), SECTOR.get(partner.sector()), contact(partner.contact())),
                new MunicipalSignal.Persoon(d.initials(), d.givenNames(), d.surnamePrefix(), d.surname(), d.birthDate(),
                        d.legalForm().name()),
                new MunicipalSignal.Adres(a.street(), a.houseNumber(), a.houseNumberAddition(), a.postcode(), a.city(),
                        a.objectType().name()),
                c == null || (c.phone() == null && c.email() == null) ? null
                        : new MunicipalSignal.Contactgegevens(c.phone(), c.email()),
                new MunicipalSignal.Achterstand(r.totalAmount(), r.termAmount(), r.termsOverdue(), r.remindersSent(),
                        r.oldestDueDate(), r.newestDueDate(), r.premiumAmount(), r.deductibleAmount(),
                        r.ownContributionAmount(), r.penaltyAmount(), r.depositAmount(), r.paymentArrangementFailed(),
                        r.handedToBailiff(), r.knownDebtArrangement(), r.personallyLiable()),
                new MunicipalSignal.Regelset(s.ruleSetId(), s.ruleSetVersion(), s.ruleSetCriteria()),
                new MunicipalSignal.Annotaties(h.earlierFromSamePartner(), h.amountRose(), h.repeatedSignal(),
                        h.otherPartnersAtAddress(), h.recidive(), h.latePayer(), h.linkedOnlyTolerantly()),
                s.receivedAt());
    }

    /** The partner's contact as municipalities read it (also at {@code GET /api/v1/partners}). */
    public static MunicipalSignal.Contact contact(Partner.Contact c) {
        return c == null ? null : new MunicipalSignal.Contact(c.team(), c.phone(), c.email(),
                c.preferred() == null ? null : c.preferred() == Partner.ContactChannel.PHONE ? "TELEFOON" : "EMAIL", c.hours());
    }
}
