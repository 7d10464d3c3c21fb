package io.meetingintel.pipeline.ingest;

import io.meetingintel.pipeline.captions.Caption;
import io.meetingintel.pipeline.captions.CaptionHub;
import io.meetingintel.pipeline.session.TranscriptSessions;
import io.meetingintel.pipeline.transcript.SegmentOutcome;
import io.meetingintel.pipeline.transcript.TranscriptLog;
import io.meetingintel.pipeline.transcript.TranscriptSegment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * The bot side of the pipeline: every frame gets exactly one reply (ack, duplicate, draft or error) once its effect
 * is committed; a bad frame never closes the socket.
 */
@Component
class BotIngestHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(BotIngestHandler.class);
    private static final String CONNECTION = BotConnection.class.getName();

    private final BotConnections connections;
    private final TranscriptSessions sessions;
    private final TranscriptLog transcript;
    private final CaptionHub captions;
    private final IngestFrameParser parser;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter drafts;
    private final Counter rejected;

    BotIngestHandler(BotConnections connections, TranscriptSessions sessions, TranscriptLog transcript,
                     CaptionHub captions, IngestFrameParser parser, JsonMapper json, Clock clock,
                     MeterRegistry meters) {
        this.connections = connections;
        this.sessions = sessions;
        this.transcript = transcript;
        this.captions = captions;
        this.parser = parser;
        this.json = json;
        this.clock = clock;
        this.accepted = frames(meters, "accepted");
        this.duplicates = frames(meters, "duplicate");
        this.drafts = frames(meters, "draft");
        this.rejected = frames(meters, "rejected");
    }

    private static Counter frames(MeterRegistry meters, String outcome) {
        return Counter.builder("pipeline.ingest.frames")
                .description("Segment frames received from bots, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        String meetingId = (String) socket.getAttributes().get(BotHandshakeInterceptor.MEETING_ID);
        String botId = (String) socket.getAttributes().get(BotHandshakeInterceptor.BOT_ID);
        String userId = (String) socket.getAttributes().get(BotHandshakeInterceptor.USER_ID);
        UUID sessionId = sessions.openForConnection(meetingId, botId, userId);
        var connection = new BotConnection(socket, meetingId, botId, sessionId, clock.instant());
        socket.getAttributes().put(CONNECTION, connection);
        connections.register(connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws IOException {
        BotConnection connection = (BotConnection) socket.getAttributes().get(CONNECTION);
        connection.handle(clock.instant(), () -> handleFrame(connection, message.getPayload()));
    }

    private void handleFrame(BotConnection connection, String payload) throws IOException {
        IngestFrame frame;
        try {
            frame = parser.parse(payload);
        } catch (InvalidFrameException e) {
            log.debug("Bot {} sent a bad frame for meeting {}: {}", connection.botId(), connection.meetingId(),
                    e.getMessage());
            rejected.increment();
            reply(connection, IngestReply.error(e.getMessage()));
            return;
        }
        switch (frame) {
            case IngestFrame.Segment(TranscriptSegment segment) when !segment.isFinal() -> {
                drafts.increment();
                captions.publish(Caption.draft(connection.meetingId(), segment));
                reply(connection, IngestReply.draft());
            }
            case IngestFrame.Segment(TranscriptSegment segment) -> storeFinal(connection, segment);
            case IngestFrame.End end -> {
                sessions.closeByBot(connection.sessionId(), connection.meetingId(), connection.botId());
                connection.socket().close(CloseStatus.NORMAL);
            }
        }
    }

    private void storeFinal(BotConnection connection, TranscriptSegment segment) throws IOException {
        SegmentOutcome outcome;
        try {
            outcome = transcript.appendFinal(connection.meetingId(), connection.sessionId(), segment);
        } catch (DataAccessException e) {
            // Nothing was committed: the bot keeps the segment and resends it; the chunk id makes a resend safe.
            log.error("Could not store a segment of meeting {} from bot {}: {}", connection.meetingId(),
                    connection.botId(), e.toString());
            rejected.increment();
            reply(connection, IngestReply.error("segment not stored (temporary failure), resend it"));
            return;
        }
        switch (outcome) {
            case SegmentOutcome.Accepted stored -> {
                accepted.increment();
                reply(connection, IngestReply.ack(stored.sequence(), stored.chunkId()));
                captions.publish(Caption.finalSegment(connection.meetingId(), stored.sequence(), stored.chunkId(),
                        segment));
            }
            case SegmentOutcome.Duplicate duplicate -> {
                duplicates.increment();
                reply(connection, IngestReply.duplicate(duplicate.chunkId()));
            }
        }
    }

    private void reply(BotConnection connection, IngestReply reply) throws IOException {
        connection.socket().sendMessage(new TextMessage(json.writeValueAsString(reply)));
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable exception) {
        log.warn("Transport error on bot socket {}: {}", socket.getId(), exception.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        if (socket.getAttributes().get(CONNECTION) instanceof BotConnection connection) {
            connections.unregister(connection);
            log.info("Bot {} disconnected from meeting {} (session {}): {}", connection.botId(),
                    connection.meetingId(), connection.sessionId(), status);
        }
    }
}
