package nl.signaalpoort.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.signaalpoort.store.AuditRepository.AuditRow;

/**
 * The hash that links an audit entry to the one before it: SHA-256 over the previous entry's hash
 * and every field of this one, so changing, removing or inserting any sealed entry changes every
 * hash after it.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, long chainSeq, AuditRow row) {
        String text = String.join("\n", previousHash, Long.toString(chainSeq), Long.toString(row.auditId()),
                row.occurredAt().toString(), row.actorRole(), nullable(row.actorOin()), row.action(), row.subjectType(),
                nullable(row.subjectId()), nullable(row.detail()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Absent and empty must hash differently. */
    private static String nullable(String value) {
        return value == null ? "\u0000" : value;
    }
}
