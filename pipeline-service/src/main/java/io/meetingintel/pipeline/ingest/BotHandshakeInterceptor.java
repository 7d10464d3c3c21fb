package io.meetingintel.pipeline.ingest;

import io.meetingintel.platform.security.BotIngestTokens;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriTemplate;
import org.springframework.web.util.UriUtils;

/**
 * Admits a bot to {@code /ws/ingest/{botId}?meetingId=...&userId=...} only with its token (header
 * {@code Authorization: Bearer <token>} or query {@code ?token=}), which binds the bot to that meeting of that user:
 * 400 without a meeting or user id, 401 without a token, 403 with a wrong one, 503 while the service shuts down.
 */
@Component
class BotHandshakeInterceptor implements HandshakeInterceptor {

    static final String BOT_ID = "botId";
    static final String MEETING_ID = "meetingId";
    static final String USER_ID = "userId";

    private static final Logger log = LoggerFactory.getLogger(BotHandshakeInterceptor.class);
    private static final UriTemplate PATH = new UriTemplate("/ws/ingest/{botId}");
    private static final String BEARER = "Bearer ";

    private final BotIngestTokens tokens;
    private final BotConnections connections;

    BotHandshakeInterceptor(BotIngestTokens tokens, BotConnections connections) {
        this.tokens = tokens;
        this.connections = connections;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        URI uri = request.getURI();
        if (!connections.accepting()) {
            return refuse(response, HttpStatus.SERVICE_UNAVAILABLE, "shutting down", uri);
        }
        String botId = PATH.matches(uri.getPath()) ? PATH.match(uri.getPath()).get("botId") : null;
        MultiValueMap<String, String> query = UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        String meetingId = decoded(query.getFirst(MEETING_ID));
        String userId = decoded(query.getFirst(USER_ID));
        if (isBlank(botId) || isBlank(meetingId) || isBlank(userId)) {
            return refuse(response, HttpStatus.BAD_REQUEST, "bot id, meetingId and userId are required", uri);
        }
        botId = decoded(botId);
        String token = bearerToken(request.getHeaders());
        if (token == null) {
            token = decoded(query.getFirst("token"));
        }
        if (token == null || token.isBlank()) {
            return refuse(response, HttpStatus.UNAUTHORIZED, "no token", uri);
        }
        if (!tokens.verify(botId, meetingId, userId, token)) {
            return refuse(response, HttpStatus.FORBIDDEN, "wrong token for bot " + botId, uri);
        }
        attributes.put(BOT_ID, botId);
        attributes.put(MEETING_ID, meetingId);
        attributes.put(USER_ID, userId);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static String bearerToken(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String decoded(String value) {
        return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status, String why, URI uri) {
        // The path only: the query may carry the token, which must never reach a log.
        log.warn("Refused bot connection to {}: {} ({})", uri.getPath(), why, status.value());
        response.setStatusCode(status);
        return false;
    }
}
