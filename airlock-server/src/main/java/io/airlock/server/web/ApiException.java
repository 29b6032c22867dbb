package io.airlock.server.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The one exception a feature throws to answer a request with a clear message. The reason decides the
 * HTTP status; the message is shown to the user as it is, so it must never carry a secret.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        INVALID(HttpStatus.BAD_REQUEST),
        NOT_FOUND(HttpStatus.NOT_FOUND),
        CONFLICT(HttpStatus.CONFLICT),
        /** It was there and is no more, by someone else's rule (a bucket's retention policy). */
        GONE(HttpStatus.GONE),
        FORBIDDEN(HttpStatus.FORBIDDEN),
        UNAUTHENTICATED(HttpStatus.UNAUTHORIZED),
        THROTTLED(HttpStatus.TOO_MANY_REQUESTS),
        UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final Reason reason;
    private final transient Map<String, String> fields;

    public ApiException(Reason reason, String message) {
        this(reason, message, Map.of());
    }

    public ApiException(Reason reason, String message, Map<String, String> fields) {
        super(message);
        this.reason = reason;
        this.fields = Map.copyOf(fields);
    }

    public Reason reason() {
        return reason;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** A 400 for one form field, so the UI can show the message next to it. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(Reason.INVALID, message, Map.of(field, message));
    }
}
