package io.meetingintel.pipeline.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The user the gateway authenticated, from {@code X-User-Id}; every /api endpoint requires it. */
final class RequestUser {

    static final String HEADER = "X-User-Id";

    private RequestUser() {
    }

    static String require(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    HEADER + " header required (set by the gateway after authentication)");
            problem.setTitle("Unauthenticated");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        }
        return headerValue;
    }
}
