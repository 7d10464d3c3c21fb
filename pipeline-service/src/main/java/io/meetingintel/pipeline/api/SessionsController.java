package io.meetingintel.pipeline.api;

import io.meetingintel.pipeline.session.LiveConnections;
import io.meetingintel.pipeline.session.SessionRepository;
import io.meetingintel.pipeline.session.TranscriptSession;
import io.meetingintel.platform.web.Paging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator view of the open transcript sessions of all instances, and which of them have a bot connected here. */
@RestController
class SessionsController {

    private final SessionRepository sessions;
    private final LiveConnections connections;

    SessionsController(SessionRepository sessions, LiveConnections connections) {
        this.sessions = sessions;
        this.connections = connections;
    }

    @GetMapping("/internal/sessions")
    Paging.Page<OpenSession> openSessions(@RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Map<UUID, Instant> live = connections.lastActivityBySession();
        List<OpenSession> items = sessions.openSessions(paging.offset(), paging.size()).stream()
                .map(session -> OpenSession.of(session, live.get(session.id())))
                .toList();
        return paging.page(items, sessions.countOpen());
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
