package io.meetingintel.pipeline.captions;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import tools.jackson.databind.json.JsonMapper;

/**
 * Live-caption listeners per meeting on this instance. Each listener gets a bounded send buffer: a slow client loses
 * its oldest captions instead of slowing down the bots' ingestion.
 */
@Component
public class CaptionHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaptionHub.class);
    private static final int SEND_TIME_LIMIT_MS = 2_000;
    private static final int BUFFER_LIMIT_BYTES = 256 * 1024;

    private final Map<String, Set<WebSocketSession>> listeners = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private volatile boolean accepting;

    public CaptionHub(JsonMapper json) {
        this.json = json;
    }

    /** @return the session to remove again with {@link #unsubscribe} */
    WebSocketSession subscribe(String meetingId, WebSocketSession socket) {
        var listener = new ConcurrentWebSocketSessionDecorator(socket, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.DROP);
        listeners.computeIfAbsent(meetingId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        if (!accepting) {
            closeQuietly(listener, CloseStatus.GOING_AWAY);
        }
        return listener;
    }

    void unsubscribe(String meetingId, WebSocketSession listener) {
        listeners.computeIfPresent(meetingId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    boolean accepting() {
        return accepting;
    }

    public void publish(Caption caption) {
        Set<WebSocketSession> audience = listeners.get(caption.meetingId());
        if (audience == null || audience.isEmpty()) {
            return;
        }
        var message = new TextMessage(json.writeValueAsString(caption));
        for (WebSocketSession listener : audience) {
            try {
                listener.sendMessage(message);
            } catch (IOException | RuntimeException e) {
                log.info("Dropping caption listener {} of meeting {}: {}", listener.getId(), caption.meetingId(),
                        e.toString());
                unsubscribe(caption.meetingId(), listener);
                closeQuietly(listener, CloseStatus.SESSION_NOT_RELIABLE);
            }
        }
    }

    @Override
    public void start() {
        accepting = true;
    }

    @Override
    public void stop() {
        accepting = false;
        List<WebSocketSession> open = listeners.values().stream().flatMap(Set::stream).toList();
        open.forEach(listener -> closeQuietly(listener, CloseStatus.GOING_AWAY));
    }

    @Override
    public boolean isRunning() {
        return accepting;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }

    private static void closeQuietly(WebSocketSession socket, CloseStatus status) {
        try {
            socket.close(status);
        } catch (IOException | IllegalStateException e) {
            // Already closed.
        }
    }
}
