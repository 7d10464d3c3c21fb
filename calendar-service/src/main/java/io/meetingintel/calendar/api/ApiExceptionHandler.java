package io.meetingintel.calendar.api;

import io.meetingintel.calendar.connection.ConnectionNotFoundException;
import io.meetingintel.calendar.feed.FeedException;
import io.meetingintel.calendar.feed.InvalidFeedLocationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for this service's own failures (Spring's own ones are handled by Boot). */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(ConnectionNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Calendar connection not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidFeedLocation(InvalidFeedLocationException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid calendar feed", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unreadableFeed(FeedException e) {
        return problem(HttpStatus.BAD_GATEWAY, "Calendar feed unavailable", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
