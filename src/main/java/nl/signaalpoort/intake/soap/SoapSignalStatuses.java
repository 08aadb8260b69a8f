package nl.signaalpoort.intake.soap;

import nl.signaalpoort.intake.SignalStatus;
import nl.signaalpoort.intake.soap.contract.ContactDataNotice;
import nl.signaalpoort.intake.soap.contract.FeedbackItem;
import nl.signaalpoort.intake.soap.contract.GetSignalStatusResponse;
import nl.signaalpoort.intake.soap.contract.WithdrawSignalResponse;
import nl.signaalpoort.intake.soap.contract.Withdrawal;
import nl.signaalpoort.store.ContactDataNoticeRepository;
import nl.signaalpoort.withdrawal.Withdrawals;

/** A signal's status, a withdrawal, feedback items and contact-data notices as the SOAP contract writes them: the same fields as REST. */
final class SoapSignalStatuses {

    private SoapSignalStatuses() {
    }

    static GetSignalStatusResponse status(SignalStatus s) {
        GetSignalStatusResponse response = new GetSignalStatusResponse();
        response.setSignalId(s.signalId().toString());
        response.setReference(s.reference());
        response.setState(s.state().name());
        response.setAcceptedAt(SoapDates.dateTime(s.acceptedAt()));
        response.setRuleSetId(s.ruleSet().id());
        response.setRuleSetVersion(s.ruleSet().version());
        response.setMunicipalityCode(s.municipalityCode());
        response.setDeliveredAt(SoapDates.dateTime(s.deliveredAt()));
        if (s.withdrawal() != null) {
            Withdrawal withdrawal = new Withdrawal();
            withdrawal.setReason(s.withdrawal().reason().name());
            withdrawal.setWithdrawnAt(SoapDates.dateTime(s.withdrawal().withdrawnAt()));
            withdrawal.setMunicipalityNotified(s.withdrawal().municipalityNotified());
            response.setWithdrawal(withdrawal);
        }
        s.feedback().forEach(i -> response.getFeedback().add(feedbackItem(i)));
        return response;
    }

    static WithdrawSignalResponse withdrawal(Withdrawals.Withdrawal w) {
        WithdrawSignalResponse response = new WithdrawSignalResponse();
        response.setSignalId(w.signalId().toString());
        response.setReference(w.reference());
        response.setReason(w.reason().name());
        response.setWithdrawnAt(SoapDates.dateTime(w.withdrawnAt()));
        response.setMunicipalityNotified(w.municipalityNotified());
        response.setRepeated(w.repeated());
        return response;
    }

    static ContactDataNotice contactDataNotice(ContactDataNoticeRepository.ContactDataNotice n) {
        ContactDataNotice notice = new ContactDataNotice();
        notice.setNoticeId(n.noticeId());
        notice.setSignalId(n.signalId().toString());
        notice.setReference(n.reference());
        notice.setDate(SoapDates.date(n.date()));
        return notice;
    }

    static FeedbackItem feedbackItem(nl.signaalpoort.store.FeedbackItem i) {
        FeedbackItem item = new FeedbackItem();
        item.setFeedbackId(i.feedbackId());
        item.setSignalId(i.signalId().toString());
        item.setReference(i.reference());
        item.setCode(i.code());
        item.setFinalOutcome(i.finalOutcome());
        item.setDate(SoapDates.date(i.date()));
        item.setCollectionPausedUntil(SoapDates.date(i.collectionPausedUntil()));
        item.setSupersedesFeedbackId(i.supersedesFeedbackId());
        return item;
    }
}
