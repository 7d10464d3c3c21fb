package io.meetingintel.bot.provider.simulated;

import io.meetingintel.bot.config.BotProperties;
import io.meetingintel.bot.domain.Bot;
import io.meetingintel.bot.domain.ProviderReports;
import io.meetingintel.platform.security.BotIngestTokens;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** One simulated bot in one call: join, stream the sample meeting, leave. */
final class SimulatedCall implements Runnable {

    static final String CALL_ENDED = "call ended";
    static final String ASKED_TO_LEAVE = "bot asked to leave";
    private static final Logger log = LoggerFactory.getLogger(SimulatedCall.class);

    private final Bot bot;
    private final List<TranscriptSegment> transcript;
    private final BotProperties.Simulated settings;
    private final BotIngestTokens tokens;
    private final ProviderReports reports;
    private final SimulatedCallStore calls;
    private final HttpClient http;
    private final JsonMapper json;
    private volatile boolean leaveRequested;

    SimulatedCall(Bot bot, List<TranscriptSegment> transcript, BotProperties properties, BotIngestTokens tokens,
                  ProviderReports reports, SimulatedCallStore calls, HttpClient http, JsonMapper json) {
        this.bot = bot;
        this.transcript = transcript;
        this.settings = properties.simulated();
        this.tokens = tokens;
        this.reports = reports;
        this.calls = calls;
        this.http = http;
        this.json = json;
    }

    void leave() {
        leaveRequested = true;
    }

    @Override
    public void run() {
        try {
            Thread.sleep(settings.stepDelay());
            if (!reports.connecting(bot.id())) {
                calls.ended(bot.id(), SimulatedCallStore.State.ABORTED);
                return;
            }
            Thread.sleep(settings.stepDelay());
            if (leaveRequested) {
                endCall(ASKED_TO_LEAVE);
                return;
            }
            if (!reports.connected(bot.id())) {
                calls.ended(bot.id(), SimulatedCallStore.State.ABORTED);
                return;
            }
            stream();
            endCall(leaveRequested ? ASKED_TO_LEAVE : CALL_ENDED);
        } catch (InterruptedException e) {
            // The service is stopping: the call stays ACTIVE and the next start moves the bot to ERROR.
            log.info("Simulated bot {} interrupted mid-call by shutdown", bot.id());
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn("Simulated bot {} failed: {}", bot.id(), e.getMessage());
            calls.ended(bot.id(), SimulatedCallStore.State.ABORTED);
            reports.failed(bot.id(), "simulated call failed: " + e.getMessage());
        }
    }

    private void stream() throws IOException, InterruptedException {
        URI uri = URI.create(settings.pipelineIngestUrl().toString().replaceAll("/+$", "") + "/"
                + encode(bot.id()) + "?meetingId=" + encode(bot.meetingId()) + "&userId=" + encode(bot.userId()));
        String token = tokens.sign(bot.id(), bot.meetingId(), bot.userId());
        try (var connection = IngestConnection.open(http, uri, token, json, bot.id(), settings.replyTimeout())) {
            int sent = 0;
            for (TranscriptSegment segment : transcript) {
                if (leaveRequested) {
                    break;
                }
                connection.send(segmentFrame(segment));
                sent++;
                calls.progressed(bot.id(), sent);
                Thread.sleep(settings.segmentDelay());
            }
            if (!connection.awaitReplies(sent, settings.replyTimeout())) {
                log.warn("Simulated bot {}: the pipeline answered only {} of {} segments", bot.id(),
                        connection.counts().total(), sent);
            }
            connection.send(json.writeValueAsString(Map.of("type", "end")));
            var counts = connection.counts();
            log.info("Simulated bot {} streamed {} segments to the pipeline: {} acked, {} drafts, {} duplicates, "
                    + "{} refused", bot.id(), sent, counts.acks(), counts.drafts(), counts.duplicates(), counts.errors());
        }
    }

    private void endCall(String reason) {
        calls.ended(bot.id(), SimulatedCallStore.State.FINISHED);
        reports.callEnded(bot.id(), reason);
    }

    private String segmentFrame(TranscriptSegment segment) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "segment");
        if (segment.chunkId() != null) {
            frame.put("chunkId", segment.chunkId());
        }
        frame.put("speaker", segment.speaker());
        frame.put("text", segment.text());
        frame.put("startMs", segment.startMs());
        frame.put("endMs", segment.endMs());
        frame.put("final", segment.isFinal());
        if (segment.language() != null) {
            frame.put("language", segment.language());
        }
        return json.writeValueAsString(frame);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
