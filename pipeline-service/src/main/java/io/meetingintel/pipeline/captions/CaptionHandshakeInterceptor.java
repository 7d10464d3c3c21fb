package io.meetingintel.pipeline.captions;

import io.meetingintel.pipeline.transcript.MeetingRepository;
import io.meetingintel.platform.web.CurrentUserResolver;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriTemplate;
import org.springframework.web.util.UriUtils;

/**
 * Admits a caption client (behind the gateway, which authenticates it and sets {@code X-User-Id}) to
 * {@code /ws/captions/{meetingId}}: 401 without a user, 404 when the meeting is known to belong to someone else,
 * 503 while shutting down. A meeting whose owner is not known yet is open to any authenticated user.
 */
@Component
class CaptionHandshakeInterceptor implements HandshakeInterceptor {

    static final String MEETING_ID = "meetingId";

    private static final Logger log = LoggerFactory.getLogger(CaptionHandshakeInterceptor.class);
    private static final UriTemplate PATH = new UriTemplate("/ws/captions/{meetingId}");

    private final MeetingRepository meetings;
    private final CaptionHub hub;

    CaptionHandshakeInterceptor(MeetingRepository meetings, CaptionHub hub) {
        this.meetings = meetings;
        this.hub = hub;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String path = request.getURI().getPath();
        if (!hub.accepting()) {
            return refuse(response, HttpStatus.SERVICE_UNAVAILABLE);
        }
        String userId;
        try {
            userId = CurrentUserResolver.userOf(request.getHeaders().getFirst(CurrentUserResolver.HEADER));
        } catch (ErrorResponseException e) {
            log.info("Refused caption socket {}: {}", path, e.getBody().getDetail());
            return refuse(response, HttpStatus.valueOf(e.getStatusCode().value()));
        }
        if (!PATH.matches(path)) {
            return refuse(response, HttpStatus.NOT_FOUND);
        }
        String meetingId = UriUtils.decode(PATH.match(path).get("meetingId"), StandardCharsets.UTF_8);
        boolean someoneElses = meetings.find(meetingId)
                .filter(meeting -> meeting.userId() != null && !meeting.ownedBy(userId))
                .isPresent();
        if (someoneElses) {
            log.info("Refused caption socket for meeting {}: user {} does not own it", meetingId, userId);
            return refuse(response, HttpStatus.NOT_FOUND);
        }
        attributes.put(MEETING_ID, meetingId);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status) {
        response.setStatusCode(status);
        return false;
    }
}
