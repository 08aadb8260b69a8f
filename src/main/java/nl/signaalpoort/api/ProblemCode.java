package nl.signaalpoort.api;

import org.springframework.http.HttpStatus;

/**
 * Stable codes for refused requests, carried in every problem+json body as {@code code}. Titles
 * are in {@code messages*.properties} as {@code problem.<CODE>}.
 */
public enum ProblemCode {
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    EMPTY_BATCH(HttpStatus.BAD_REQUEST),
    BATCH_TOO_LARGE(HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
    UNKNOWN_OUTCOME(HttpStatus.BAD_REQUEST),
    MISSING_SIGNAL_ID(HttpStatus.BAD_REQUEST),
    INVALID_OUTCOME_DATE(HttpStatus.BAD_REQUEST),
    CLIENT_CERTIFICATE_REQUIRED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    UNKNOWN_SIGNAL(HttpStatus.NOT_FOUND),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    SIGNAL_NOT_DELIVERED(HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
