package io.meetingintel.pipeline.api;

import io.meetingintel.pipeline.session.LiveConnections;
import io.meetingintel.pipeline.session.SessionRepository;
import io.meetingintel.pipeline.session.TranscriptSession;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator view of the open transcript sessions of all instances, and which of them have a bot connected here. */
@RestController
class SessionsController {

    static final int MAX_SIZE = 200;

    private final SessionRepository sessions;
    private final LiveConnections connections;

    SessionsController(SessionRepository sessions, LiveConnections connections) {
        this.sessions = sessions;
        this.connections = connections;
    }

    @GetMapping("/internal/sessions")
    Page<OpenSession> openSessions(@RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "page must be >= 0 and size between 1 and " + MAX_SIZE), null);
        }
        Map<UUID, Instant> live = connections.lastActivityBySession();
        List<OpenSession> items = sessions.openSessions(page * size, size).stream()
                .map(session -> OpenSession.of(session, live.get(session.id())))
                .toList();
        return new Page<>(items, page, size, sessions.countOpen());
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    /**
     * @param connectedHere   whether this instance holds the bot's socket
     * @param lastActivityAt  last recorded activity (refreshed by the sweep for connected bots)
     * @param lastFrameAt     last frame received here, null when the bot is not connected here
     */
    record OpenSession(UUID sessionId, String meetingId, String botId, String userId, Instant openedAt,
                       Instant lastActivityAt, boolean connectedHere, Instant lastFrameAt) {

        static OpenSession of(TranscriptSession session, Instant lastFrameHere) {
            return new OpenSession(session.id(), session.meetingId(), session.botId(), session.userId(),
                    session.openedAt(), session.lastActivityAt(), lastFrameHere != null, lastFrameHere);
        }
    }
}
