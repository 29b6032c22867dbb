package io.airlock.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every error the JSON API answers with.
 *
 * @param error a message for a person
 * @param fields messages per form field, when the request had invalid fields
 * @param retryAfterSeconds when to try again, for throttled requests
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, Map<String, String> fields, Long retryAfterSeconds) {

    public static ApiError of(String error) {
        return new ApiError(error, null, null);
    }
}
