package io.meetingintel.calendar.google;

import io.meetingintel.calendar.connection.CalendarConnections;
import io.meetingintel.platform.web.CurrentUser;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Google connect (start, OAuth callback) and Google's push notifications. The connection itself is then managed
 * like any other under /api/calendar/connections.
 */
@RestController
class GoogleController {

    private final GoogleConnect connect;
    private final GoogleChannels channels;

    GoogleController(GoogleConnect connect, GoogleChannels channels) {
        this.connect = connect;
        this.channels = channels;
    }

    /** The Google consent page URL to send the user to, with a state for this user only. */
    @PostMapping("/api/calendar/google/connect")
    GoogleConnect.Authorization start(@CurrentUser String userId) {
        return connect.start(userId);
    }

    /**
     * Google redirects the user here (through the gateway, which adds X-User-Id). 201 with the new connection, 200
     * with a reconnected one; the view never contains tokens.
     */
    @GetMapping("/api/calendar/google/callback")
    ResponseEntity<Map<String, Object>> callback(@CurrentUser String userId,
                                                 @RequestParam(required = false) String code,
                                                 @RequestParam(required = false) String state,
                                                 @RequestParam(required = false) String error) {
        CalendarConnections.Connected connected = connect.complete(userId, code, state, error);
        String id = connected.connection().id();
        Map<String, Object> body = Map.of("connectionId", id, "name", connected.connection().name(),
                "status", connected.connection().status(), "connection", "/api/calendar/connections/" + id);
        return connected.created()
                ? ResponseEntity.created(URI.create("/api/calendar/connections/" + id)).body(body)
                : ResponseEntity.ok(body);
    }

    /** Google's push notifications: authenticated by the channel token, not by a user. */
    @PostMapping("/api/calendar/google/notifications")
    ResponseEntity<Void> notification(@RequestHeader(name = "X-Goog-Channel-ID", required = false) String channelId,
                                      @RequestHeader(name = "X-Goog-Channel-Token", required = false) String token,
                                      @RequestHeader(name = "X-Goog-Resource-State", required = false) String state) {
        return switch (channels.onNotification(channelId, token, state)) {
            case UNKNOWN_CHANNEL -> ResponseEntity.notFound().build();
            case WRONG_TOKEN -> ResponseEntity.status(HttpStatus.FORBIDDEN).build();
            case IGNORED -> ResponseEntity.ok().build();
            case SYNC_SCHEDULED -> ResponseEntity.accepted().build();
        };
    }

    @ExceptionHandler
    ProblemDetail notConfigured(GoogleNotConfiguredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Google Calendar is not configured");
        return problem;
    }
}
