package io.meetingintel.bot.provider.simulated;

import io.meetingintel.bot.config.BotProperties;
import io.meetingintel.bot.domain.Bot;
import io.meetingintel.bot.domain.BotProvider;
import io.meetingintel.bot.domain.ProviderReports;
import io.meetingintel.platform.security.BotIngestTokens;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for a real bot provider: the bot "joins" (CONNECTING, CONNECTED after short pauses), then plays
 * the bundled sample meeting into the pipeline's real ingestion WebSocket and reports the end of the call. Each
 * call runs on its own virtual thread; its state is kept in the database so a restart cannot leave a bot stuck.
 * Meant for one bot-service instance (local stack, demos, tests).
 */
@Component
class SimulatedBotProvider implements BotProvider, DisposableBean {

    static final String NAME = "simulated";
    private static final Logger log = LoggerFactory.getLogger(SimulatedBotProvider.class);

    private final ProviderReports reports;
    private final SimulatedCallStore calls;
    private final BotProperties properties;
    private final BotIngestTokens tokens;
    private final JsonMapper json;
    private final List<TranscriptSegment> transcript;
    private final String runnerId = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("simulated-call-", 0).factory());
    private final Map<String, SimulatedCall> running = new ConcurrentHashMap<>();

    SimulatedBotProvider(ProviderReports reports, SimulatedCallStore calls, BotProperties properties,
                         BotIngestTokens tokens, JsonMapper json) {
        this.reports = reports;
        this.calls = calls;
        this.properties = properties;
        this.tokens = tokens;
        this.json = json;
        this.transcript = SampleTranscript.load(json);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void join(Bot bot) {
        calls.started(bot.id(), runnerId);
        var call = new SimulatedCall(bot, transcript, properties, tokens, reports, calls, http, json);
        if (running.putIfAbsent(bot.id(), call) != null) {
            log.info("Simulated bot {} is already in its call", bot.id());
            return;
        }
        log.info("Simulated bot {} joining meeting {} ({} transcript segments to play)", bot.id(), bot.meetingId(),
                transcript.size());
        executor.submit(() -> {
            try {
                call.run();
            } finally {
                running.remove(bot.id());
            }
        });
    }

    @Override
    public void leave(Bot bot) {
        SimulatedCall call = running.get(bot.id());
        if (call != null) {
            call.leave();
            return;
        }
        // No call of ours (it already ended): just record that the bot is out.
        reports.callEnded(bot.id(), "bot asked to leave");
    }

    String runnerId() {
        return runnerId;
    }

    /** Stops the calls with the service; their bots are moved to ERROR by the next start (see recovery). */
    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
