package io.meetingintel.localstack;

import io.meetingintel.testing.DevTokens;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import io.meetingintel.testing.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform, started by the local stack's own launcher (real Kafka, PostgreSQL, schema registry, the five
 * service jars and the gateway jar as separate JVMs), driven only through the gateway's REST API with development
 * tokens: the demo calendar's client meeting travels through every service.
 */
class PlatformEndToEndIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String OTHER_USER = "someone-else";
    private static final List<String> BOT_STATUSES = List.of("INITIALIZED", "CONNECTING", "CONNECTED",
            "TRANSCRIBING", "ANALYZING_MEETING", "CREATING_TASKS", "DONE");
    /**
     * Fast demo: the client meeting starts 30 s after calendar-service starts (it lasts calendar-service's fixed two
     * minutes, the longest wait of this test), the simulated bot and the insights hurry.
     */
    private static final Map<String, String> DEMO_SPEED = Map.of(
            "CALENDAR_DEMO_START_OFFSET", "30s",
            "CALENDAR_DEMO_DURATION", "40s",
            "BOT_SIM_STEP_DELAY", "200ms",
            "BOT_SIM_SEGMENT_DELAY", "20ms",
            "INSIGHTS_SETTLE", "1s");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static PlatformProcesses platform;
    private static String demoToken;
    private static String otherToken;

    @BeforeAll
    static void startPlatform() {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        long started = System.nanoTime();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        var settings = new StackSettings(root, root.resolve("local-stack/target/e2e-logs"), StackPorts.randomFree(),
                StackSettings.randomSecret(), StackSettings.randomSecret(), DEMO_SPEED,
                StackSettings.DEFAULT_JVM_OPTIONS, START_TIMEOUT);
        platform = new PlatformProcesses(settings);
        try {
            platform.start(infrastructure);
            platform.awaitHealthy(START_TIMEOUT);
        } catch (RuntimeException e) {
            System.err.println(platform.logTails(60));
            throw e;
        }
        System.out.printf("Platform healthy in %.1f s (infrastructure included)%n",
                (System.nanoTime() - started) / 1e9);
        demoToken = DevTokens.mint(settings.jwtSecret(), StackSettings.DEMO_USER, Duration.ofMinutes(30));
        otherToken = DevTokens.mint(settings.jwtSecret(), OTHER_USER, Duration.ofMinutes(30));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void demoMeetingFlowsThroughEveryService() {
        try {
            runFlow();
        } catch (AssertionError | RuntimeException e) {
            System.err.println(platform.logTails(80));
            throw e;
        }
    }

    private void runFlow() throws AssertionError {
        // The gateway itself: no token, no data.
        assertThat(get("/api/meetings", null).statusCode()).isEqualTo(401);

        // calendar-service discovered and classified the demo client meeting; meeting-service has it.
        JsonNode meeting = await("the demo meeting in meeting-service", () ->
                items(getOk("/api/meetings", demoToken)).stream()
                        .filter(m -> m.path("title").asString("").contains("Acme")).findFirst());
        String meetingId = meeting.path("id").asString();
        assertThat(meeting.path("meetingType").asString()).isEqualTo("client_meeting");
        assertThat(meeting.path("conferencePlatform").asString()).isEqualToIgnoringCase("GOOGLE_MEET");
        JsonNode synced = items(getOk("/api/calendar/meetings", demoToken)).stream()
                .filter(m -> m.path("meetingId").asString().equals(meetingId)).findFirst().orElseThrow();
        assertThat(synced.path("meetingType").asString()).isEqualTo("client_meeting");

        // Prep: MeetingRequiresPrep -> intelligence-service's PREP_MATERIALS -> prep completed.
        JsonNode prepared = await("prep materials", () -> Optional.of(getOk("/api/meetings/" + meetingId, demoToken))
                .filter(view -> view.path("prepStatus").asString().equals("completed")));
        assertThat(prepared.path("prepMaterials").isObject()).isTrue();

        // bot-service auto-joins, the simulated bot streams the sample meeting, the insights finish it.
        JsonNode bot = await("the demo meeting's bot DONE", () -> items(getOk("/api/bots", demoToken)).stream()
                .filter(b -> b.path("meetingId").asString().equals(meetingId))
                .filter(b -> b.path("status").asString().equals("DONE")).findFirst());
        assertThat(bot.path("statusHistory").valueStream().map(entry -> entry.path("status").asString()).toList())
                .containsExactlyElementsOf(BOT_STATUSES);

        // pipeline-service: every distinct final segment exactly once, sequences 1..n.
        JsonNode transcript = getOk("/api/transcripts/" + meetingId + "?limit=1000", demoToken);
        List<JsonNode> segments = transcript.path("segments").valueStream().toList();
        long expected = distinctFinalSegmentsOfTheSample();
        assertThat(segments.stream().map(s -> s.path("sequence").asLong()).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, expected).boxed().toList());
        assertThat(segments.stream().map(s -> s.path("text").asString()).distinct().count()).isEqualTo(expected);

        // intelligence-service found action items with owners, citing transcript lines; meeting-service shows them.
        JsonNode actionItems = getOk("/api/insights/" + meetingId + "/action_items", demoToken);
        assertThat(actionItems.path("finalInsight").asBoolean()).isTrue();
        List<JsonNode> items = actionItems.path("items").valueStream().toList();
        assertThat(items).isNotEmpty().anySatisfy(item -> assertThat(item.path("owner").asString("")).isNotBlank());
        assertThat(items).allSatisfy(item -> assertThat(item.path("sourceSequences").valueStream()
                .map(JsonNode::asLong).toList())
                .isNotEmpty().allMatch(sequence -> sequence >= 1 && sequence <= expected));
        assertThat(getOk("/api/insights/" + meetingId + "/decisions", demoToken).path("finalInsight").asBoolean())
                .isTrue();
        JsonNode analysed = getOk("/api/meetings/" + meetingId, demoToken);
        assertThat(analysed.path("actionItems").valueStream().map(item -> item.path("text").asString()).toList())
                .containsExactlyElementsOf(items.stream().map(item -> item.path("text").asString()).toList());
        assertThat(analysed.path("summary").isObject()).isTrue();

        // Nobody else sees any of it.
        assertThat(getOk("/api/meetings", otherToken).path("total").asLong()).isZero();
        assertThat(getOk("/api/calendar/meetings", otherToken).path("total").asLong()).isZero();
        assertThat(getOk("/api/bots", otherToken).path("total").asLong()).isZero();
        assertThat(get("/api/meetings/" + meetingId, otherToken).statusCode()).isEqualTo(404);
        assertThat(get("/api/transcripts/" + meetingId, otherToken).statusCode()).isEqualTo(404);
        assertThat(get("/api/bots/" + bot.path("id").asString(), otherToken).statusCode()).isIn(403, 404);
        assertThat(get("/api/insights/" + meetingId, otherToken).statusCode()).isEqualTo(404);

        // meeting-service's clock: upcoming -> in_progress at the start -> done at the end.
        Instant end = Instant.parse(meeting.path("endTime").asString());
        JsonNode done = await("the meeting done after its end " + end, untilAfter(end),
                () -> Optional.of(getOk("/api/meetings/" + meetingId, demoToken))
                        .filter(view -> view.path("status").asString().equals("done")));
        assertThat(done.path("statusHistory").valueStream().map(change -> change.path("status").asString()).toList())
                .containsExactly("upcoming", "in_progress", "done");
    }

    /** The sample meeting the simulated bot plays: drafts and repeated chunk ids do not become transcript lines. */
    private static long distinctFinalSegmentsOfTheSample() {
        Path sample = platform.settings().root()
                .resolve("bot-service/src/main/resources/sample-meeting/transcript.jsonl");
        try {
            Set<String> finals = new HashSet<>();
            long withoutId = 0;
            for (String line : Files.readAllLines(sample)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode segment = json.readTree(line);
                if (!segment.path("final").asBoolean()) {
                    continue;
                }
                if (segment.hasNonNull("chunkId")) {
                    finals.add(segment.path("chunkId").asString());
                } else {
                    withoutId++;
                }
            }
            return finals.size() + withoutId;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the sample meeting " + sample, e);
        }
    }

    private static Duration untilAfter(Instant instant) {
        return Duration.between(Instant.now(), instant).plus(Duration.ofSeconds(30));
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) {
        return await(what, FLOW_TIMEOUT, probe);
    }

    /** Polls every 500 ms until the probe finds something; fails with the last observation at the deadline. */
    private static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable lastProblem = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<T> found = probe.get();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (AssertionError | RuntimeException e) {
                lastProblem = e;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what, lastProblem);
    }

    private static List<JsonNode> items(JsonNode page) {
        return page.path("items").valueStream().toList();
    }

    private static JsonNode getOk(String path, String token) {
        HttpResponse<String> response = get(path, token);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }

    private static HttpResponse<String> get(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
