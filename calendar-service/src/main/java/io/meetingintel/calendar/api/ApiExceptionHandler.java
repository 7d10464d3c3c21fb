package io.meetingintel.calendar.api;

import io.meetingintel.calendar.connection.ConnectionNotFoundException;
import io.meetingintel.calendar.connection.SourceDisconnectedException;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.calendar.feed.InvalidFeedLocationException;
import io.meetingintel.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for this service's own failures (Spring's and the platform's are handled by Boot). */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(ConnectionNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Calendar connection not found", e.getMessage()).getBody();
    }

    @ExceptionHandler
    ProblemDetail invalidFeedLocation(InvalidFeedLocationException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid calendar feed", e.getMessage()).getBody();
    }

    @ExceptionHandler
    ProblemDetail disconnected(SourceDisconnectedException e) {
        return Problems.of(HttpStatus.CONFLICT, "Calendar connection is disconnected",
                "Calendar connection " + e.connectionId() + " is disconnected: " + e.getMessage()
                        + ". Connect the calendar again to resume syncing.").getBody();
    }

    @ExceptionHandler
    ProblemDetail unreadableFeed(FeedException e) {
        return Problems.of(HttpStatus.BAD_GATEWAY, "Calendar feed unavailable", e.getMessage()).getBody();
    }
}
