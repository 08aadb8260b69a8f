package nl.signaalpoort.feedback;

import java.util.List;
import nl.signaalpoort.partner.Partner;
import nl.signaalpoort.store.ContactDataNoticeRepository;
import org.springframework.stereotype.Component;

/**
 * Contact-data notices, for partners registered to receive them only, as
 * {@code GET /api/v1/partners/me/contact-data-notices}: {@code contact-data-notices-<first>-<last>.csv}.
 */
@Component
public class ContactDataNoticeFileStream implements ReturnFileStream {

    static final String[] HEADER = {"noticeId", "signalId", "reference", "date"};

    private final ContactDataNoticeRepository notices;

    public ContactDataNoticeFileStream(ContactDataNoticeRepository notices) {
        this.notices = notices;
    }

    @Override
    public String name() {
        return "contact-data-notices";
    }

    @Override
    public boolean serves(Partner partner) {
        return partner.receivesContactDataNotices();
    }

    @Override
    public String[] header() {
        return HEADER;
    }

    @Override
    public List<Line> after(String partnerId, long after, int limit) {
        return notices.after(partnerId, after, limit).stream().map(n -> new Line(n.noticeId(),
                new String[] {String.valueOf(n.noticeId()), n.signalId().toString(), n.reference(), n.date().toString()})).toList();
    }
}
