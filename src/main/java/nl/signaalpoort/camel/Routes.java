package nl.signaalpoort.camel;

/**
 * The names Java and the YAML routes under {@code routes/} share: route ids, the endpoints Java
 * sends to, exchange properties and the beans routes call. YAML cannot import a constant, so
 * {@code RouteNamesTest} reads every route file and fails when a name there is not declared here,
 * or a name here is used by no route.
 */
public final class Routes {

    private Routes() {
    }

    // --- Route ids (routes/*.camel.yaml, and the per-partner routes built in Java) -----------------

    public static final String INTAKE_REST = "intake-rest";
    public static final String INTAKE_SOAP = "intake-soap";
    public static final String OUTBOX_DISPATCH = "outbox-dispatch";
    public static final String OUTBOX_LEASE_RENEWAL = "outbox-leases";
    public static final String DELIVER_FILE = "deliver-file";
    public static final String DELIVER_REST = "deliver-rest";
    public static final String DELIVER_SFTP = "deliver-sftp";
    public static final String DELIVER_SOAP = "deliver-soap";
    public static final String AUTO_CLOSE = "auto-close";
    public static final String PUSH_FEEDBACK = "push-feedback";
    public static final String PUSH_FEEDBACK_CALL = "push-feedback-call";
    public static final String FEEDBACK_FILES = "feedback-files";
    public static final String RETENTION = "retention";
    public static final String SOAP_MESSAGE_IDS = "soap-message-ids";
    public static final String AUDIT_SEAL = "audit-seal";
    public static final String OPS_GAUGES = "ops-gauges";
    public static final String INTAKE_TALLY_FLUSH = "intake-tally";
    public static final String ROUTE_CONTROL = "route-control";
    /** On every node: installs the postcode table versions loaded on any node. */
    public static final String POSTCODE_TABLES = "postcode-tables";
    /** On the leader: last month's DDAS-Vroegsignalering export files into municipalities' folders. */
    public static final String MONITOR_EXPORT_FILES = "monitor-export-files";
    public static final String PARTNER_STATISTICS_FILES = "partner-statistics-files";
    /** On the leader: a merged municipality's open signals and deliveries to its successor. */
    public static final String MUNICIPAL_MERGERS = "municipal-mergers";
    /** Prefix of {@code deliver-to-<municipality code>}: one route per municipality, in front of its delivery type's. */
    public static final String DELIVER_TO_PREFIX = "deliver-to-";
    /** Prefix of {@code sftp-inbox-<partner>}: takes the batch files in a partner's inbox, one partner's files apart from another's. */
    public static final String SFTP_INBOX_PREFIX = "sftp-inbox-";
    /** Prefix of {@code sftp-outcomes-<organisation>}: a municipal organisation's outcome files from its inbox. */
    public static final String SFTP_OUTCOMES_PREFIX = "sftp-outcomes-";
    /** The route configuration of the inbox routes (routes/intake-sftp.camel.yaml): a failed file stays for the next poll. */
    public static final String BATCH_FILES_CONFIGURATION = "batch-files";
    /** Prefix of {@code sftp-poll-<partner>}: fetches from a partner's own SFTP server. */
    public static final String SFTP_POLL_PREFIX = "sftp-poll-";
    /** Prefix of {@code sftp-return-<partner>}: puts receipts and feedback files on a partner's own server. */
    public static final String SFTP_RETURN_PREFIX = "sftp-return-";

    // --- Singleton work: routes that run on the elected leader only -----------------------------------

    /** The one leadership namespace: one node leads all singleton routes (docs/reliability.md). */
    public static final String SINGLETON_NAMESPACE = "signaalpoort";
    /** What a singleton route's consumer URI starts with: Camel's master component in that namespace. */
    public static final String SINGLETON_PREFIX = "master:" + SINGLETON_NAMESPACE + ":";

    /** The routes that must run once per cluster (the per-partner SFTP routes too, by their prefixes). */
    public static final java.util.Set<String> SINGLETON_ROUTES = java.util.Set.of(AUTO_CLOSE, PUSH_FEEDBACK, FEEDBACK_FILES, RETENTION,
            SOAP_MESSAGE_IDS, AUDIT_SEAL, MONITOR_EXPORT_FILES, MUNICIPAL_MERGERS, PARTNER_STATISTICS_FILES);

    /** A consumer URI that consumes on the leader only. */
    public static String singleton(String uri) {
        return SINGLETON_PREFIX + uri;
    }

    /**
     * An SFTP home's inbox as the leader takes it (partners' batch files, municipal organisations'
     * outcome files): complete files only (not {@code .part} or hidden ones, and only once they have
     * stopped changing), in name order, deleted once processed.
     */
    public static String inbox(java.nio.file.Path inbox) {
        return singleton("file:" + inbox + "?antExclude=*.part,.*&delete=true&readLock=changed&readLockMinAge=500"
                + "&readLockCheckInterval=250&delay=500&maxMessagesPerPoll=20&sortBy=file:name");
    }

    // --- Endpoints Java sends exchanges to ------------------------------------------------------------

    /** Prefix of {@code direct:deliver-<DeliveryType>}, one per delivery type. */
    public static final String DELIVER_URI_PREFIX = "direct:deliver-";
    public static final String PUSH_FEEDBACK_URI = "direct:push-feedback";

    /** The route of one municipality's deliveries. */
    public static String deliverToUri(String municipalityCode) {
        return "direct:" + DELIVER_TO_PREFIX + municipalityCode;
    }

    /** The delivery route of a delivery type ({@code FILE}, {@code REST}, {@code SFTP}, {@code SOAP}). */
    public static String deliverUri(Enum<?> deliveryType) {
        return DELIVER_URI_PREFIX + deliveryType.name();
    }

    // --- Exchange properties ----------------------------------------------------------------------------

    /** The DeliveryBatch being delivered. */
    public static final String BATCH_PROPERTY = "batch";
    /** The partner's feedback push URL. */
    public static final String PUSH_ENDPOINT_PROPERTY = "pushEndpoint";
    /** The sftp: URI of a municipality's server, computed once per batch. */
    public static final String SFTP_URI_PROPERTY = "sftpUri";
    /** The files of one municipality's month of the monitor export, while they are written. */
    public static final String MONITOR_EXPORT_PROPERTY = "monitorExport";

    // --- Beans the routes call --------------------------------------------------------------------------

    public static final String REST_INTAKE = "restIntake";
    public static final String REST_PROBLEMS = "restProblems";
    public static final String SOAP_INTAKE = "soapIntake";
    public static final String DELIVERY_DISPATCHER = "deliveryDispatcher";
    public static final String OUTBOX_LEASES = "outboxLeases";
    /** Scheduled routes report failed and working runs to it (routeConfiguration {@code jobs}). */
    public static final String JOB_FAILURES = "jobFailures";
    public static final String MUNICIPAL_DOCUMENTS = "municipalDocuments";
    public static final String MUNICIPAL_SOAP_DOCUMENTS = "municipalSoapDocuments";
    public static final String SFTP_TARGETS = "sftpTargets";
    /** The file per signal for FILE and SFTP deliveries, encrypted where the municipality registered a key. */
    public static final String MUNICIPAL_FILES = "municipalFiles";
    public static final String AUTO_CLOSE_JOB = "autoCloseJob";
    public static final String FEEDBACK_PUSHER = "feedbackPusher";
    public static final String FEEDBACK_FILES_WRITER = "feedbackFiles";
    public static final String RETENTION_JOB = "retentionJob";
    public static final String BATCH_FILE_INTAKE = "batchFileIntake";
    public static final String OUTCOME_FILE_INTAKE = "outcomeFileIntake";
    public static final String SOAP_MESSAGE_ID_HOUSEKEEPING = "soapMessageIds";
    public static final String AUDIT_SEALER = "auditSealer";
    public static final String OPERATIONAL_GAUGES = "operationalGauges";
    public static final String INTAKE_TALLY = "intakeTally";
    public static final String ROUTE_CONTROL_BEAN = "routeControl";
    public static final String POSTCODE_TABLE_VERSIONS = "postcodeTableVersions";
    public static final String MONITOR_FILES = "monitorFiles";
    public static final String PARTNER_STATISTICS_FILE_WRITER = "partnerStatisticsFiles";
    public static final String MUNICIPAL_MERGERS_BEAN = "municipalMergers";
    /** Polls of partners' SFTP servers report to it ({@code pollStrategy=#routeActivity}). */
    public static final String ROUTE_ACTIVITY = "routeActivity";
    /** The step that signs what the REST delivery and the feedback push send (signing/PayloadSigner). */
    public static final String PAYLOAD_SIGNER = "payloadSigner";

    /** The gateway's client TLS for https calls out (security/tls/ClientTls adds it to https endpoint URIs). */
    public static final String CLIENT_TLS = "gatewayClientTls";

    /** Referenced from application.yaml (camel.component.http.http-client-configurer). */
    public static final String NO_AUTOMATIC_RETRIES = "noAutomaticRetries";
    /** The CXF endpoint of SOAP intake ({@code cxf:bean:signaalpoortSoapEndpoint}). */
    public static final String SOAP_INTAKE_ENDPOINT = "signaalpoortSoapEndpoint";
    /** The CXF client endpoint of SOAP delivery ({@code cxf:bean:municipalSoapEndpoint}). */
    public static final String MUNICIPAL_SOAP_ENDPOINT = "municipalSoapEndpoint";
}
