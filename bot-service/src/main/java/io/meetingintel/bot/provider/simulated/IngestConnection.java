package io.meetingintel.bot.provider.simulated;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bot's WebSocket to the pipeline's ingestion endpoint: sends JSON text frames and counts the pipeline's
 * replies (one per segment: ack, draft, duplicate or error).
 */
final class IngestConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestConnection.class);

    private final WebSocket socket;
    private final Replies replies;
    private final Duration timeout;

    private IngestConnection(WebSocket socket, Replies replies, Duration timeout) {
        this.socket = socket;
        this.replies = replies;
        this.timeout = timeout;
    }

    static IngestConnection open(HttpClient http, URI uri, String token, JsonMapper json, String botId,
                                 Duration timeout) throws IOException, InterruptedException {
        var replies = new Replies(json, botId);
        try {
            WebSocket socket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(timeout)
                    .buildAsync(uri, replies)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new IngestConnection(socket, replies, timeout);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not connect to " + uri.getScheme() + "://" + uri.getAuthority()
                    + uri.getPath() + ": " + rootMessage(e), e);
        }
    }

    void send(String frame) throws IOException, InterruptedException {
        if (replies.closed.isDone()) {
            throw new IOException("the pipeline closed the connection: " + replies.closed.join());
        }
        try {
            socket.sendText(frame, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("sending to the pipeline failed: " + rootMessage(e), e);
        }
    }

    /** Waits until the pipeline answered {@code expected} frames; false when it did not in time. */
    boolean awaitReplies(int expected, Duration wait) throws InterruptedException {
        return replies.await(expected, wait);
    }

    ReplyCounts counts() {
        return replies.counts();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "call ended").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                replies.closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.debug("Pipeline connection did not close cleanly: {}", rootMessage(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.abort();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Counts of the pipeline's replies by type. */
    record ReplyCounts(int acks, int drafts, int duplicates, int errors) {

        int total() {
            return acks + drafts + duplicates + errors;
        }
    }

    private static final class Replies implements WebSocket.Listener {

        private final JsonMapper json;
        private final String botId;
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<String> closed = new CompletableFuture<>();
        private int acks;
        private int drafts;
        private int duplicates;
        private int errors;

        Replies(JsonMapper json, String botId) {
            this.json = json;
            this.botId = botId;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                record(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error: " + error.getMessage());
        }

        private void record(String text) {
            JsonNode reply;
            try {
                reply = json.readTree(text);
            } catch (RuntimeException e) {
                log.warn("Bot {}: unreadable reply from the pipeline: {}", botId, text);
                return;
            }
            String type = reply.path("type").asString("");
            synchronized (this) {
                switch (type) {
                    case "ack" -> acks++;
                    case "draft" -> drafts++;
                    case "duplicate" -> duplicates++;
                    case "error" -> {
                        errors++;
                        log.warn("Bot {}: the pipeline refused a frame: {}", botId, reply.path("message").asString(""));
                    }
                    default -> log.debug("Bot {}: pipeline reply {}", botId, text);
                }
                notifyAll();
            }
        }

        synchronized ReplyCounts counts() {
            return new ReplyCounts(acks, drafts, duplicates, errors);
        }

        synchronized boolean await(int expected, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (counts().total() < expected && !closed.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return counts().total() >= expected;
        }
    }
}
