package io.meetingintel.pipeline.ingest;

import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.pipeline.support.PipelineIntegrationTest;
import io.meetingintel.pipeline.support.TestSocket;
import io.meetingintel.pipeline.support.TopicReader;
import io.meetingintel.platform.security.BotIngestTokens;
import io.meetingintel.schemas.Topics;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BotIngestTest extends PipelineIntegrationTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final String USER = "user-ingest";

    private TopicReader<TranscriptChunk> chunks;

    @BeforeEach
    void readChunks() {
        chunks = new TopicReader<>(Topics.TRANSCRIPT_CHUNK.name(), TranscriptChunk.class, codec);
    }

    @AfterEach
    void stopReading() {
        chunks.close();
    }

    @Test
    void handshakeWithoutOrWithAWrongTokenIsRefused() {
        String meetingId = newMeetingId();
        var uri = ingestUri("bot-1", meetingId, USER);

        assertThat(TestSocket.refusedStatus(uri, Map.of())).isEqualTo(401);
        String token = TOKENS.sign("bot-1", meetingId, USER);
        assertThat(TestSocket.refusedStatus(URI.create("ws://localhost:" + port + "/ws/ingest/bot-1"),
                Map.of("Authorization", "Bearer " + token))).isEqualTo(400);
        assertThat(TestSocket.refusedStatus(URI.create("ws://localhost:" + port + "/ws/ingest/bot-1?meetingId="
                + meetingId), Map.of("Authorization", "Bearer " + token))).isEqualTo(400);
        assertThat(TestSocket.refusedStatus(uri, Map.of("Authorization", "Bearer not-the-token"))).isEqualTo(403);
        String otherMeetingsToken = TOKENS.sign("bot-1", newMeetingId(), USER);
        assertThat(TestSocket.refusedStatus(uri, Map.of("Authorization", "Bearer " + otherMeetingsToken)))
                .isEqualTo(403);
        // A token signed for another user does not admit the bot as this one (nor this one's token as another).
        String otherUsersToken = TOKENS.sign("bot-1", meetingId, "someone-else");
        assertThat(TestSocket.refusedStatus(uri, Map.of("Authorization", "Bearer " + otherUsersToken)))
                .isEqualTo(403);
        assertThat(TestSocket.refusedStatus(ingestUri("bot-1", meetingId, "someone-else"),
                Map.of("Authorization", "Bearer " + token))).isEqualTo(403);
        String otherSecretsToken = new BotIngestTokens("another-secret").sign("bot-1", meetingId, USER);
        assertThat(TestSocket.refusedStatus(URI.create(uri + "&token=" + otherSecretsToken), Map.of()))
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM transcript_session WHERE meeting_id = ?", Long.class,
                meetingId)).isZero();

        // The query-parameter form of the right token is accepted.
        try (var bot = TestSocket.connect(URI.create(uri + "&token=" + token), Map.of())) {
            assertThat(bot.request(segment("c-1", "Alice", "hello", 0, 100, true)).path("type").asString())
                    .isEqualTo("ack");
        }
    }

    @Test
    void finalSegmentsAreAcknowledgedStoredAndPublishedInOrder() {
        String meetingId = newMeetingId();
        try (var bot = connectBot("bot-order", meetingId, USER)) {
            for (int i = 1; i <= 5; i++) {
                JsonNode ack = bot.request(segment("c-" + i, "Alice", "line " + i, i * 1000L, i * 1000L + 900, true));
                assertThat(ack.path("type").asString()).isEqualTo("ack");
                assertThat(ack.path("sequence").asLong()).isEqualTo(i);
                assertThat(ack.path("chunkId").asString()).isEqualTo("c-" + i);
            }
        }

        List<TranscriptChunk> published = chunks.await(chunk -> chunk.getMeetingId().equals(meetingId), 5, EVENT_WAIT);
        assertThat(published).extracting(TranscriptChunk::getSequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(published).extracting(TranscriptChunk::getChunkId)
                .containsExactly("c-1", "c-2", "c-3", "c-4", "c-5");
        assertThat(published).allSatisfy(chunk -> {
            assertThat(chunk.getIsFinal()).isTrue();
            assertThat(chunk.getSpeaker()).isEqualTo("Alice");
            assertThat(chunk.getLanguage()).isEqualTo("en");
            assertThat(chunk.getMetadata().getProducer()).isEqualTo("pipeline-service");
            assertThat(chunk.getMetadata().getUserId()).isEqualTo(USER);
        });
        assertThat(published.getFirst().getText()).isEqualTo("line 1");
        assertThat(published.getFirst().getStartOffsetMs()).isEqualTo(1000L);
        assertThat(published.getFirst().getEndOffsetMs()).isEqualTo(1900L);
        assertThat(published).extracting(TranscriptChunk::getSessionId).containsOnly(
                jdbc.queryForObject("SELECT id::text FROM transcript_session WHERE meeting_id = ?", String.class,
                        meetingId));
        assertThat(jdbc.queryForList("SELECT sequence FROM transcript_segment WHERE meeting_id = ? ORDER BY sequence",
                Long.class, meetingId)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aSegmentBeforeAnyBotStatusIsPublishedForTheUserTheTokenWasSignedFor() throws Exception {
        String meetingId = newMeetingId();
        String user = "user-" + meetingId;
        try (var bot = connectBot("bot-early", meetingId, user)) {
            assertThat(bot.request(segment("c-1", "Ida", "before any status", 0, 100, true)).path("type").asString())
                    .isEqualTo("ack");
        }
        TranscriptChunk chunk = chunks.await(found -> found.getMeetingId().equals(meetingId), 1, EVENT_WAIT)
                .getFirst();
        assertThat(chunk.getMetadata().getUserId()).isEqualTo(user);
        // The handshake made the user the meeting's owner: the transcript is theirs.
        assertThat(get("/api/transcripts/" + meetingId, user).statusCode()).isEqualTo(200);
    }

    @Test
    void segmentsWithoutChunkIdAreKeptAndResendsAreStillDuplicates() {
        String meetingId = newMeetingId();
        try (var bot = connectBot("bot-dedupe", meetingId, USER)) {
            JsonNode first = bot.request(segment(null, "Bob", "no id here", 500, 1500, true));
            assertThat(first.path("type").asString()).isEqualTo("ack");
            assertThat(first.path("sequence").asLong()).isEqualTo(1);
            String generated = first.path("chunkId").asString();
            assertThat(generated).startsWith("gen-");

            JsonNode resend = bot.request(segment(null, "Bob", "no id here", 500, 1500, true));
            assertThat(resend.path("type").asString()).isEqualTo("duplicate");
            assertThat(resend.path("chunkId").asString()).isEqualTo(generated);

            assertThat(bot.request(segment("c-9", "Bob", "with id", 1600, 2000, true)).path("sequence").asLong())
                    .isEqualTo(2);
            JsonNode duplicate = bot.request(segment("c-9", "Bob", "with id, resent", 1600, 2000, true));
            assertThat(duplicate.path("type").asString()).isEqualTo("duplicate");
            assertThat(duplicate.path("chunkId").asString()).isEqualTo("c-9");

            // A duplicate gives its sequence back: the next new segment continues without a gap.
            assertThat(bot.request(segment("c-10", "Bob", "after the duplicates", 2100, 2500, true))
                    .path("sequence").asLong()).isEqualTo(3);
        }

        // The last event comes after any duplicate's would have on the meeting's partition.
        List<TranscriptChunk> published = chunks.await(chunk -> chunk.getMeetingId().equals(meetingId), 3, EVENT_WAIT);
        assertThat(published).extracting(TranscriptChunk::getChunkId).hasSize(3).doesNotHaveDuplicates();
        assertThat(published.get(0).getChunkId()).startsWith("gen-");
        assertThat(published.get(0).getText()).isEqualTo("no id here");
        assertThat(published).extracting(TranscriptChunk::getSequence).containsExactly(1L, 2L, 3L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM transcript_segment WHERE meeting_id = ?", Long.class,
                meetingId)).isEqualTo(3);
    }

    @Test
    void badFramesGetAnErrorAndTheSocketKeepsWorking() {
        String meetingId = newMeetingId();
        try (var bot = connectBot("bot-bad", meetingId, USER)) {
            assertError(bot.request("{not json"), "malformed JSON");
            assertError(bot.request("[1,2]"), "JSON object");
            assertError(bot.request("{\"type\":\"caption\"}"), "type must be");
            assertError(bot.request(segment("c-1", "Ann", "   ", 0, 10, true)), "text must not be empty");
            assertError(bot.request(segment("c-1", "Ann", "late start", 500, 100, true)), "endMs must be >= startMs");
            assertError(bot.request(segment("c-1", "Ann", "negative", -5, 100, true)), "startMs must be >= 0");
            assertError(bot.request(segment("c-1", "A".repeat(201), "long speaker", 0, 100, true)), "speaker");
            assertError(bot.request("{\"type\":\"segment\",\"text\":\"x\",\"startMs\":\"0\",\"endMs\":1,"
                    + "\"final\":true}"), "startMs must be an integer");
            assertError(bot.request("{\"type\":\"segment\",\"text\":\"x\",\"startMs\":0,\"endMs\":1}"),
                    "final must be true or false");

            JsonNode ack = bot.request(segment("c-1", "Ann", "finally good", 0, 100, true));
            assertThat(ack.path("type").asString()).isEqualTo("ack");
            assertThat(ack.path("sequence").asLong()).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM transcript_segment WHERE meeting_id = ?", Long.class,
                meetingId)).isEqualTo(1);
    }

    @Test
    void draftsReachCaptionListenersButAreNeitherStoredNorPublished() throws Exception {
        String meetingId = newMeetingId();
        try (var captions = connectCaptions(meetingId, USER);
             var bot = connectBot("bot-drafts", meetingId, USER)) {
            assertThat(bot.request(segment(null, "Cleo", "hel", 0, 300, false)).path("type").asString())
                    .isEqualTo("draft");
            JsonNode draft = captions.next();
            assertThat(draft.path("type").asString()).isEqualTo("caption");
            assertThat(draft.path("final").asBoolean()).isFalse();
            assertThat(draft.path("text").asString()).isEqualTo("hel");
            assertThat(draft.has("sequence")).isFalse();

            assertThat(bot.request(segment("c-1", "Cleo", "hello everyone", 0, 900, true)).path("sequence")
                    .asLong()).isEqualTo(1);
            JsonNode finalCaption = captions.next();
            assertThat(finalCaption.path("final").asBoolean()).isTrue();
            assertThat(finalCaption.path("sequence").asLong()).isEqualTo(1);
            assertThat(finalCaption.path("chunkId").asString()).isEqualTo("c-1");
            assertThat(finalCaption.path("speaker").asString()).isEqualTo("Cleo");
        }
        List<TranscriptChunk> published = chunks.await(chunk -> chunk.getMeetingId().equals(meetingId), 1, EVENT_WAIT);
        assertThat(published).singleElement().satisfies(chunk -> {
            assertThat(chunk.getText()).isEqualTo("hello everyone");
            assertThat(chunk.getSequence()).isEqualTo(1);
        });
        assertThat(jdbc.queryForList("SELECT text FROM transcript_segment WHERE meeting_id = ?", String.class,
                meetingId)).containsExactly("hello everyone");
    }

    @Test
    void sequenceContinuesAcrossSocketsOfTheSameMeeting() throws Exception {
        String meetingId = newMeetingId();
        try (var first = connectBot("bot-seq", meetingId, USER)) {
            for (int i = 1; i <= 3; i++) {
                assertThat(first.request(segment("a-" + i, "Dan", "first socket " + i, i, i + 1, true))
                        .path("sequence").asLong()).isEqualTo(i);
            }
        }
        try (var second = connectBot("bot-seq", meetingId, USER)) {
            assertThat(second.request(segment("a-4", "Dan", "second socket", 10, 20, true)).path("sequence").asLong())
                    .isEqualTo(4);
        }

        // Two bots writing to the same meeting at once still get one gap-free sequence.
        var writers = new ArrayList<CompletableFuture<List<Long>>>();
        for (String botId : List.of("bot-seq", "bot-seq-2")) {
            writers.add(CompletableFuture.supplyAsync(() -> {
                try (var bot = connectBot(botId, meetingId, USER)) {
                    return IntStream.range(0, 20).mapToObj(i -> bot.request(segment(botId + "-" + i, botId,
                            "concurrent " + i, 100 + i, 200 + i, true)).path("sequence").asLong()).toList();
                }
            }));
        }
        List<Long> sequences = writers.stream().flatMap(writer -> writer.join().stream()).toList();
        assertThat(sequences).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(5, 44).boxed().toList());

        List<TranscriptChunk> published = chunks.await(chunk -> chunk.getMeetingId().equals(meetingId), 44, EVENT_WAIT);
        assertThat(published).extracting(TranscriptChunk::getSequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 44).boxed().toList());
    }

    private static void assertError(JsonNode reply, String messagePart) {
        assertThat(reply.path("type").asString()).isEqualTo("error");
        assertThat(reply.path("message").asString()).contains(messagePart);
    }
}
