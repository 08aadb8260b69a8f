package nl.signaalpoort.feedback;

import java.util.List;
import nl.signaalpoort.partner.Partner;

/**
 * Numbered items an SFTP partner gets as files in its outbox ({@link FeedbackFileWriter}): feedback,
 * contact-data notices, what became of its signals. Each item has an id that only grows, so a
 * file is named by its first and last id and a cursor per partner and stream says how far it got.
 */
public interface ReturnFileStream {

    /** One item as a line of the file, with its id. */
    record Line(long id, String[] cells) {
    }

    /** The stream's name: its cursor's key and the start of its files' names ({@code <name>-<first>-<last>.csv}). */
    String name();

    /** Whether this partner gets the stream at all: every SFTP partner, unless the stream says otherwise. */
    default boolean serves(Partner partner) {
        return true;
    }

    String[] header();

    /** The partner's items after {@code after}, oldest first, at most {@code limit}. */
    List<Line> after(String partnerId, long after, int limit);

    /** A cell for an optional value: empty when absent. */
    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
