package nl.signaalpoort.partner;

import nl.signaalpoort.rules.RuleParameters;
import nl.signaalpoort.signal.Sector;

/**
 * A partner (vastelastenpartner) as registered by operators in {@code routes/partners.yaml}.
 *
 * @param id            the gateway's own stable id, used in storage and logs
 * @param oin           the organisation's OIN, as in its certificate's subject serialNumber
 * @param rules         the partner's own thresholds over its sector's defaults; absent fields inherit
 * @param feedbackPush  where feedback is also pushed, if the partner wants that besides pulling it
 * @param sftp          the partner's access to the gateway's SFTP server (batch files), if any
 * @param pgp           the partner's OpenPGP signing key and whether its batch files must be signed
 * @param sftpRemote    the partner's own SFTP server, which the gateway polls for batch files, if any
 * @param soap          the partner's Digikoppeling WUS profile for the SOAP channel (2W-be if absent)
 * @param restSigning   the certificate the partner signs REST submissions with (JAdES payload signature), if any
 * @param contact       whom a municipality contacts at the partner about its signals (a team, never a person's
 *                      private details), sent with each delivered signal and listed at {@code GET /api/v1/partners}
 * @param contactDataNotices present when the partner may hear that the contact data of a signal is wrong
 *                      (off by default), with the legal basis it does so under
 */
public record Partner(
        String id,
        String name,
        String oin,
        Sector sector,
        RuleParameters rules,
        FeedbackProfile feedbackProfile,
        boolean notResidentFeedback,
        FeedbackPush feedbackPush,
        Sftp sftp,
        Pgp pgp,
        SftpRemote sftpRemote,
        Soap soap,
        RestSigning restSigning,
        Contact contact,
        ContactDataNotices contactDataNotices) {

    public Partner {
        feedbackProfile = feedbackProfile == null ? FeedbackProfile.FULL : feedbackProfile;
        rules = rules == null ? RuleParameters.none() : rules;
        soap = soap == null ? new Soap(SoapProfile.TWO_WAY, null) : soap;
    }

    public Partner(String id, String name, String oin, Sector sector, RuleParameters rules, FeedbackProfile feedbackProfile,
            boolean notResidentFeedback) {
        this(id, name, oin, sector, rules, feedbackProfile, notResidentFeedback, null, null, null, null, null, null, null);
    }

    public Partner(String id, String name, String oin, Sector sector, RuleParameters rules, FeedbackProfile feedbackProfile,
            boolean notResidentFeedback, FeedbackPush feedbackPush, Sftp sftp, Pgp pgp, SftpRemote sftpRemote, Soap soap,
            RestSigning restSigning, Contact contact) {
        this(id, name, oin, sector, rules, feedbackProfile, notResidentFeedback, feedbackPush, sftp, pgp, sftpRemote, soap, restSigning,
                contact, null);
    }

    /**
     * The partner receives "contact data wrong / no longer at this address" notices from municipalities
     * (domain.md section 7; insurers correct their records with them), only under an agreement.
     *
     * @param legalBasis the agreement or article it is received under, in words; required
     */
    public record ContactDataNotices(String legalBasis) {
    }

    /** The partner delivers batch files over SFTP (to the gateway's server, or fetched from its own): it has an inbox and an outbox. */
    public boolean deliversFiles() {
        return sftp() != null || sftpRemote() != null;
    }

    public boolean receivesContactDataNotices() {
        return contactDataNotices != null;
    }

    /**
     * How municipalities reach the partner's team about a signal (signaalreis: "whom to call, and how").
     *
     * @param team      the team or desk, such as "Klantenservice betalingsachterstanden"
     * @param phone     its phone number
     * @param email     its e-mail address
     * @param preferred the way the team prefers to be reached; that field must be given
     * @param hours     when it is reachable, in words, such as "werkdagen 9-17 uur"
     */
    public record Contact(String team, String phone, String email, ContactChannel preferred, String hours) {
    }

    public enum ContactChannel { PHONE, EMAIL }

    /** @param authorizedKeys path of an authorized_keys file with the partner's SSH public keys (login = partner id) */
    public record Sftp(String authorizedKeys) {
    }

    /**
     * @param profile            2W-be (mutual TLS only) or 2W-be-S (also a WS-Security signature)
     * @param signingCertificate for 2W-be-S: path of the PEM certificate the partner signs with
     */
    public record Soap(SoapProfile profile, String signingCertificate) {
        public Soap {
            profile = profile == null ? SoapProfile.TWO_WAY : profile;
        }
    }

    /** The Digikoppeling WUS profiles the SOAP channel offers. */
    public enum SoapProfile {
        @com.fasterxml.jackson.annotation.JsonProperty("2W-be")
        TWO_WAY,
        @com.fasterxml.jackson.annotation.JsonProperty("2W-be-S")
        TWO_WAY_SIGNED
    }

    /**
     * A partner that hosts its files itself: the gateway logs in with its own key, checks the
     * server's host key strictly, fetches complete files from {@code inbox} and puts receipts and
     * feedback files in {@code outbox}.
     *
     * @param host         the partner's server
     * @param port         its port (22 if absent)
     * @param username     the account the partner gave the gateway
     * @param privateKey   path of the gateway's SSH private key for this partner
     * @param knownHosts   path of a known_hosts file with the partner server's host key
     * @param inbox        the folder the gateway fetches batch files from
     * @param outbox       the folder the gateway writes receipts and feedback files to
     * @param pollInterval how often the inbox is looked at
     */
    public record SftpRemote(String host, Integer port, String username, String privateKey, String knownHosts, String inbox,
            String outbox, java.time.Duration pollInterval) {
        public SftpRemote {
            port = port == null ? 22 : port;
            pollInterval = pollInterval == null ? java.time.Duration.ofMinutes(1) : pollInterval;
        }
    }

    /**
     * @param signingKey path of the partner's armored OpenPGP public key (certificate)
     * @param signature  whether every batch file must carry the partner's valid signature (so must be OpenPGP)
     * @param encryption whether every batch file must be OpenPGP-encrypted, signed or not
     * @param returnFiles how receipts and feedback files reach the partner: always signed by the gateway, and
     *                   with {@code ENCRYPTED} also encrypted to the partner's key ({@code signingKey}, which
     *                   then needs an encryption subkey)
     */
    public record Pgp(String signingKey, SignaturePolicy signature, EncryptionPolicy encryption, ReturnFiles returnFiles) {
        public Pgp {
            signature = signature == null ? SignaturePolicy.REQUIRED : signature;
            encryption = encryption == null ? EncryptionPolicy.OPTIONAL : encryption;
            returnFiles = returnFiles == null ? ReturnFiles.SIGNED : returnFiles;
        }

        public Pgp(String signingKey, SignaturePolicy signature) {
            this(signingKey, signature, null, null);
        }
    }

    /**
     * SIGNED: the file as is, beside it a detached OpenPGP signature ({@code <name>.sig}); ENCRYPTED: one
     * OpenPGP message ({@code <name>.pgp}), signed and encrypted, and no plain file.
     */
    public enum ReturnFiles {
        SIGNED,
        ENCRYPTED
    }

    /** Whether receipts and feedback files for this partner go out encrypted to its key. */
    public boolean encryptsReturnFiles() {
        return pgp != null && pgp.returnFiles() == ReturnFiles.ENCRYPTED;
    }

    /** REQUIRED: a file that is not OpenPGP is refused; OPTIONAL: plain files are taken too (unless a signature is required). */
    public enum EncryptionPolicy {
        REQUIRED,
        OPTIONAL
    }

    /** Whether this partner's batch files must be OpenPGP: a required signature or required encryption. */
    public boolean requiresOpenPgp() {
        return pgp != null && (pgp.signature() == SignaturePolicy.REQUIRED || pgp.encryption() == EncryptionPolicy.REQUIRED);
    }

    /** REQUIRED: unsigned files are refused; OPTIONAL: a signature, when present, must still be the partner's. */
    public enum SignaturePolicy {
        REQUIRED,
        OPTIONAL
    }

    /**
     * @param certificate path of the PEM certificate the partner signs REST submissions with
     * @param signature   REQUIRED: an unsigned submission is refused; OPTIONAL: a signature, when present, must verify
     */
    public record RestSigning(String certificate, SignaturePolicy signature) {
        public RestSigning {
            signature = signature == null ? SignaturePolicy.REQUIRED : signature;
        }
    }

    /**
     * @param endpoint            the partner's https URL that takes pages of feedback items
     * @param trustedCertificates path of a PEM file with the CA certificates the gateway trusts for that server,
     *                            instead of its client trust store
     */
    public record FeedbackPush(String endpoint, String trustedCertificates) {
        public FeedbackPush(String endpoint) {
            this(endpoint, null);
        }
    }
}
