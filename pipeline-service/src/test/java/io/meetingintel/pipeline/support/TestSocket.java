package io.meetingintel.pipeline.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (java.net.http) that collects the text frames it receives. */
public final class TestSocket implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final Collector collector;

    private TestSocket(WebSocket socket, Collector collector) {
        this.socket = socket;
        this.collector = collector;
    }

    public static TestSocket connect(URI uri, Map<String, String> headers) {
        var collector = new Collector();
        var builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        try {
            return new TestSocket(builder.buildAsync(uri, collector).get(WAIT.toSeconds(), TimeUnit.SECONDS),
                    collector);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not connect to " + uri, e);
        }
    }

    /** The HTTP status with which the server refused the handshake (fails if it accepted it). */
    public static int refusedStatus(URI uri, Map<String, String> headers) {
        var builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        try {
            WebSocket accepted = builder.buildAsync(uri, new Collector()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            accepted.abort();
            throw new AssertionError("Handshake to " + uri + " was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Sends a frame and returns the server's reply to it. */
    public JsonNode request(String frame) {
        send(frame);
        return next();
    }

    public JsonNode next() {
        try {
            String text = collector.messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("No message within " + WAIT);
            }
            return JSON.readTree(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A message if one arrives within the time, else null. */
    public JsonNode poll(Duration within) throws InterruptedException {
        String text = collector.messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        return text == null ? null : JSON.readTree(text);
    }

    /** The close code the server sent. */
    public int awaitClosedByServer() {
        try {
            return collector.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("The server did not close the socket", e);
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {

        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
