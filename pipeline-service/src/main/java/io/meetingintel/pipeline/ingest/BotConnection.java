package io.meetingintel.pipeline.ingest;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One bot's live socket. Frames are handled one at a time under a lock, so closing the socket (shutdown, inactivity)
 * waits for the frame in progress: everything the bot was told is accepted has been committed.
 */
final class BotConnection {

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final WebSocketSession socket;
    private final String meetingId;
    private final String botId;
    private final UUID sessionId;
    private final ReentrantLock frameLock = new ReentrantLock();
    private volatile Instant lastActivity;

    BotConnection(WebSocketSession socket, String meetingId, String botId, UUID sessionId, Instant connectedAt) {
        this.socket = socket;
        this.meetingId = meetingId;
        this.botId = botId;
        this.sessionId = sessionId;
        this.lastActivity = connectedAt;
    }

    /** Runs the handling of one frame, unless the socket was closed while the frame waited. */
    void handle(Instant receivedAt, FrameWork work) throws IOException {
        frameLock.lock();
        try {
            if (!socket.isOpen()) {
                return;
            }
            lastActivity = receivedAt;
            work.run();
        } finally {
            frameLock.unlock();
        }
    }

    /** Closes after the frame in progress, if any (waiting a bounded time for it). */
    void close(CloseStatus status) {
        boolean locked = false;
        try {
            locked = frameLock.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            if (socket.isOpen()) {
                socket.close(status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | IllegalStateException e) {
            // Already gone: nothing left to close.
        } finally {
            if (locked) {
                frameLock.unlock();
            }
        }
    }

    WebSocketSession socket() {
        return socket;
    }

    String meetingId() {
        return meetingId;
    }

    String botId() {
        return botId;
    }

    UUID sessionId() {
        return sessionId;
    }

    Instant lastActivity() {
        return lastActivity;
    }

    @FunctionalInterface
    interface FrameWork {
        void run() throws IOException;
    }
}
