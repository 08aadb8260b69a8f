package nl.signaalpoort.routing;

import java.time.LocalDate;

import java.time.LocalTime;

/**
 * A municipality (gemeente) as registered in {@code routes/municipalities.yaml}.
 *
 * @param code     the CBS municipality code, e.g. {@code GM0363}
 * @param oin      the OIN in its own certificate's subject serialNumber, for reporting outcomes; null when
 *                 only the shared-service organisation it belongs to reports for it
 * @param delivery how and where its signals go (its organisation's one feed when it registers none)
 * @param warmHandoverUrgent whether it treats a warm handover as a crisis: the urgent lane and three
 *                 working days to act ({@link Urgency})
 * @param sftpAccount its account on the gateway's SFTP server, for outcome files, if any
 * @param mergedInto  the municipality it merges into (herindeling) and from which Dutch day, if it does
 */
public record Municipality(String code, String name, String oin, Delivery delivery, boolean warmHandoverUrgent,
        SftpAccount sftpAccount, Merger mergedInto) {

    public Municipality(String code, String name, String oin, Delivery delivery, boolean warmHandoverUrgent, SftpAccount sftpAccount) {
        this(code, name, oin, delivery, warmHandoverUrgent, sftpAccount, null);
    }

    /**
     * A herindeling: from {@code on} (usually 1 January) the municipality {@code code} takes over
     * this one's signals: new ones are routed to it, and the accepted ones whose case is still open
     * move to it (docs/operations.md, "Municipalities that merge").
     */
    public record Merger(String code, LocalDate on) {
    }

    /** Whether this municipality has merged into another by {@code day}. */
    public boolean mergedBy(LocalDate day) {
        return mergedInto != null && !day.isBefore(mergedInto.on());
    }

    public Municipality(String code, String name, String oin, Delivery delivery) {
        this(code, name, oin, delivery, false, null);
    }

    public Municipality(String code, String name, String oin, Delivery delivery, boolean warmHandoverUrgent) {
        this(code, name, oin, delivery, warmHandoverUrgent, null);
    }

    /**
     * An account on the gateway's own SFTP server (login: the organisation's id, a municipality's
     * own: its code), for uploading outcome files to {@code inbox/} and fetching receipts from
     * {@code outbox/}.
     *
     * @param authorizedKeys path of an authorized_keys file with the organisation's SSH public keys
     */
    public record SftpAccount(String authorizedKeys) {
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("GM[0-9]{4}");

    /** The same municipality, delivered as {@code delivery} says. */
    Municipality withDelivery(Delivery delivery) {
        return new Municipality(code, name, oin, delivery, warmHandoverUrgent, sftpAccount, mergedInto);
    }

    /** Whether {@code code} has the form of a CBS municipality code: GM and four digits. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * @param endpoint  a folder for {@code FILE}, an http(s) URL for {@code REST}
     * @param batchSize the most signals in one delivery
     * @param timing    at once, or daily at {@code dailyAt} (Dutch time); urgent signals always at once
     * @param sftp      for {@code SFTP}: how the gateway logs in and which host key it trusts
     * @param openPgpKey for {@code FILE} and {@code SFTP}: path of the municipality's armored OpenPGP public key;
     *                  each file is then encrypted to it and signed by the gateway ({@code <signalId>.json.pgp})
     * @param trustedCertificates for {@code REST} and {@code SOAP}: path of a PEM file with the CA certificates the
     *                  gateway trusts for this server, instead of its client trust store
     */
    public record Delivery(DeliveryType type, String endpoint, Integer batchSize, DeliveryTiming timing, LocalTime dailyAt,
            Sftp sftp, String openPgpKey, String trustedCertificates) {
        public Delivery {
            batchSize = batchSize == null ? 100 : batchSize;
            timing = timing == null ? DeliveryTiming.IMMEDIATE : timing;
        }

        public Delivery(DeliveryType type, String endpoint, Integer batchSize) {
            this(type, endpoint, batchSize, null, null, null, null, null);
        }

        public Delivery(DeliveryType type, String endpoint, Integer batchSize, DeliveryTiming timing, LocalTime dailyAt) {
            this(type, endpoint, batchSize, timing, dailyAt, null, null, null);
        }

        /** Whether signals go out as files (one per signal), which can be encrypted to the municipality's key. */
        public boolean isFileDrop() {
            return type == DeliveryType.FILE || type == DeliveryType.SFTP;
        }
    }

    /**
     * @param username   the account on the municipality's server
     * @param privateKey path of the gateway's private key for it (public-key login only)
     * @param knownHosts path of a known_hosts file holding the server's host key: checked strictly
     */
    public record Sftp(String username, String privateKey, String knownHosts) {
    }
}
