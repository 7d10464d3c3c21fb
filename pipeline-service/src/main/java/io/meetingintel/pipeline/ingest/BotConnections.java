package io.meetingintel.pipeline.ingest;

import io.meetingintel.pipeline.session.LiveConnections;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * The bot sockets of this instance. On shutdown it stops admitting bots and closes every socket with 1001 (going
 * away) once its frame in progress is done; the bots reconnect to another instance (or this one after a restart)
 * and rejoin their still-open sessions. It stops before the web server's graceful shutdown so that phase does not
 * wait on long-lived sockets.
 */
@Component
class BotConnections implements LiveConnections, SmartLifecycle {

    /** Close code telling a bot it went quiet for too long; it may reconnect. */
    static final CloseStatus IDLE = new CloseStatus(4000, "no frame within the inactivity timeout");

    private static final Logger log = LoggerFactory.getLogger(BotConnections.class);

    private final Map<String, BotConnection> bySocketId = new ConcurrentHashMap<>();
    private volatile boolean accepting;

    void register(BotConnection connection) {
        bySocketId.put(connection.socket().getId(), connection);
        if (!accepting) {
            // Raced with shutdown: the handshake was admitted just before it began.
            connection.close(CloseStatus.GOING_AWAY);
        }
    }

    void unregister(BotConnection connection) {
        bySocketId.remove(connection.socket().getId());
    }

    boolean accepting() {
        return accepting;
    }

    @Override
    public void closeIdleSince(Instant cutoff) {
        for (BotConnection connection : List.copyOf(bySocketId.values())) {
            if (connection.lastActivity().isBefore(cutoff)) {
                log.info("Closing idle socket of bot {} (meeting {}): last frame at {}", connection.botId(),
                        connection.meetingId(), connection.lastActivity());
                connection.close(IDLE);
            }
        }
    }

    @Override
    public Map<UUID, Instant> lastActivityBySession() {
        Map<UUID, Instant> latest = new HashMap<>();
        for (BotConnection connection : bySocketId.values()) {
            latest.merge(connection.sessionId(), connection.lastActivity(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        return latest;
    }

    @Override
    public void start() {
        accepting = true;
    }

    @Override
    public void stop() {
        accepting = false;
        List<BotConnection> open = List.copyOf(bySocketId.values());
        if (!open.isEmpty()) {
            log.info("Shutting down: closing {} bot socket(s) with going-away; their sessions stay open for "
                    + "reconnects", open.size());
        }
        open.forEach(connection -> connection.close(CloseStatus.GOING_AWAY));
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}
