package nl.signaalpoort.api;

import nl.signaalpoort.store.DatabaseFailures;
import org.springframework.http.HttpStatus;

/**
 * Stable codes for refused requests, carried in every problem+json body as {@code code}. Titles
 * are in {@code messages*.properties} as {@code problem.<CODE>}.
 */
public enum ProblemCode {
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    EMPTY_BATCH(HttpStatus.BAD_REQUEST),
    BATCH_TOO_LARGE(HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
    UNKNOWN_OUTCOME(HttpStatus.BAD_REQUEST),
    MISSING_SIGNAL_ID(HttpStatus.BAD_REQUEST),
    /** A withdrawal without a reason, or with one the contract does not name. Nothing was withdrawn. */
    UNKNOWN_WITHDRAWAL_REASON(HttpStatus.BAD_REQUEST),
    INVALID_OUTCOME_DATE(HttpStatus.BAD_REQUEST),
    /** The partner's registration requires a payload signature and the request carries none. Nothing was stored. */
    PAYLOAD_SIGNATURE_REQUIRED(HttpStatus.BAD_REQUEST),
    /** The payload signature or digest does not verify by the partner's registered certificate. Nothing was stored. */
    PAYLOAD_SIGNATURE_INVALID(HttpStatus.BAD_REQUEST),
    CLIENT_CERTIFICATE_REQUIRED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    UNKNOWN_SIGNAL(HttpStatus.NOT_FOUND),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    SIGNAL_NOT_DELIVERED(HttpStatus.CONFLICT),
    /** Operators: a postcode table that does not pass its checks; nothing was loaded. */
    INVALID_POSTCODE_TABLE(HttpStatus.BAD_REQUEST),
    /** Operators: a postcode table for a day that has passed; the routing of the past is not rewritten. */
    POSTCODE_TABLE_IN_THE_PAST(HttpStatus.CONFLICT),
    /** Monitor export: the caller acts for several municipalities and did not say which one. */
    MUNICIPALITY_REQUIRED(HttpStatus.BAD_REQUEST),
    /** Monitor export: the period has not ended yet, so its figures are not final. */
    PERIOD_NOT_ENDED(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** Over the organisation's rate limit; Retry-After says when the next request fits. Nothing was processed. */
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    /** The database is away: whether the request was processed is not known; the same request again is safe. */
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, 5);

    private final HttpStatus status;
    private final int retryAfterSeconds;

    ProblemCode(HttpStatus status) {
        this(status, 0);
    }

    ProblemCode(HttpStatus status, int retryAfterSeconds) {
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    /** The {@code Retry-After} the answer carries, in seconds; 0: none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The code for an unexpected failure: the database being away is told apart from everything else. */
    public static ProblemCode unexpected(Throwable error) {
        return DatabaseFailures.isUnavailable(error) ? DATABASE_UNAVAILABLE : INTERNAL_ERROR;
    }
}
