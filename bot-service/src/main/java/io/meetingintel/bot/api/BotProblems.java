package io.meetingintel.bot.api;

import io.meetingintel.bot.domain.BotAccessDeniedException;
import io.meetingintel.bot.domain.BotNotFoundException;
import io.meetingintel.bot.domain.IllegalBotTransitionException;
import io.meetingintel.bot.domain.InvalidMeetingUrlException;
import io.meetingintel.bot.domain.LiveBotExistsException;
import io.meetingintel.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Domain refusals as RFC 9457 problem details. */
@RestControllerAdvice
class BotProblems {

    @ExceptionHandler
    ProblemDetail notFound(BotNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Bot not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(BotAccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not your bot", "This bot belongs to another user");
    }

    @ExceptionHandler
    ProblemDetail invalidUrl(InvalidMeetingUrlException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid meeting URL", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail liveBotExists(LiveBotExistsException e) {
        var problem = problem(HttpStatus.CONFLICT, "Meeting already has a live bot", e.getMessage());
        problem.setProperty("meetingId", e.meetingId());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalBotTransitionException e) {
        var problem = problem(HttpStatus.CONFLICT, "Illegal bot status transition", e.getMessage());
        problem.setProperty("status", e.from().name());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        return Problems.of(status, title, detail).getBody();
    }
}
