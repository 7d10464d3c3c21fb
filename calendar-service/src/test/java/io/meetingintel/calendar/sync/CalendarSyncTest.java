package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.CalendarIntegrationTest;
import io.meetingintel.calendar.Ics;
import io.meetingintel.calendar.TopicReader;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sync, change detection and prep jobs end to end: ICS file -> REST -> database -> outbox -> Kafka. */
class CalendarSyncTest extends CalendarIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Autowired
    AvroEventCodec codec;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    private final String user = "sync-user-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private TopicReader<MeetingDiscovered> discovered;
    private TopicReader<MeetingRequiresPrep> prep;
    private Path feed;

    @BeforeEach
    void readers() {
        discovered = new TopicReader<>(Topics.MEETING_DISCOVERED.name(), codec);
        prep = new TopicReader<>(Topics.MEETING_REQUIRES_PREP.name(), codec);
        feed = directory.resolve("calendar.ics");
    }

    @AfterEach
    void close() {
        discovered.close();
        prep.close();
    }

    @Test
    void emitsCreatedOnceThenNothingThenUpdatedOnAMoveThenCancelledOnRemoval() throws IOException {
        Instant start = now.plus(2, ChronoUnit.DAYS);
        writeFeed(Ics.event("review-1", "Design review", start, start.plus(1, ChronoUnit.HOURS),
                "URL:https://meet.google.com/abc-defg-hij\n"));
        String connectionId = connect();

        MeetingDiscovered created = discovered.await(of(connectionId), 1, WAIT).getFirst();
        assertThat(created.getChangeType()).isEqualTo(MeetingChangeType.CREATED);
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(created.getMetadata().getUserId()).isEqualTo(user);
        assertThat(created.getMetadata().getProducer()).isEqualTo("calendar-service");
        assertThat(created.getMeetingId()).startsWith("mtg_").hasSize(24);
        assertThat(created.getStartTime()).isEqualTo(start);
        assertThat(created.getConferencePlatform()).isEqualTo(ConferencePlatform.GOOGLE_MEET);
        assertThat(created.getConferenceUrl()).isEqualTo("https://meet.google.com/abc-defg-hij");
        assertThat(created.getAttendees()).hasSize(2);
        assertThat(created.getOrganizer().getEmail()).isEqualTo("olga@example.com");
        assertThat(created.getMeetingType()).isEqualTo("general");
        assertThat(created.getPrepTriggerAt()).isEqualTo(start.minus(24, ChronoUnit.HOURS));

        assertThat(sync(connectionId)).isEqualTo(new int[] {0, 0, 0, 1});
        assertThat(discovered.readFor(of(connectionId), QUIET)).hasSize(1);

        Instant moved = start.plus(3, ChronoUnit.HOURS);
        writeFeed(Ics.event("review-1", "Design review", moved, moved.plus(1, ChronoUnit.HOURS),
                "URL:https://meet.google.com/abc-defg-hij\n"));
        assertThat(sync(connectionId)).isEqualTo(new int[] {0, 1, 0, 0});
        MeetingDiscovered updated = discovered.await(of(connectionId), 2, WAIT).get(1);
        assertThat(updated.getChangeType()).isEqualTo(MeetingChangeType.UPDATED);
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(updated.getMeetingId()).isEqualTo(created.getMeetingId());
        assertThat(updated.getStartTime()).isEqualTo(moved);
        assertThat(prepJobAt(created.getMeetingId())).isEqualTo(moved.minus(24, ChronoUnit.HOURS));

        writeFeed("");
        assertThat(sync(connectionId)).isEqualTo(new int[] {0, 0, 1, 0});
        MeetingDiscovered cancelled = discovered.await(of(connectionId), 3, WAIT).get(2);
        assertThat(cancelled.getChangeType()).isEqualTo(MeetingChangeType.CANCELLED);
        assertThat(cancelled.getVersion()).isEqualTo(3);
        assertThat(cancelled.getStartTime()).isEqualTo(moved);
        assertThat(prepJobAt(created.getMeetingId())).isNull();

        assertThat(sync(connectionId)).isEqualTo(new int[] {0, 0, 0, 0});
        assertThat(discovered.readFor(of(connectionId), QUIET)).hasSize(3);
        JsonNode meetings = get("/api/calendar/meetings", user).body();
        assertThat(meetings.path("total").asInt()).isEqualTo(1);
        assertThat(meetings.path("items").get(0).path("cancelled").asBoolean()).isTrue();
        assertThat(meetings.path("items").get(0).path("version").asLong()).isEqualTo(3);
    }

    @Test
    void recurringOccurrencesAreSeparateMeetingsAndAStatusCancelledOccurrenceIsACancellation() throws IOException {
        Instant first = now.plus(1, ChronoUnit.DAYS);
        String series = Ics.event("standup-1", "Standup", first, first.plus(15, ChronoUnit.MINUTES),
                "RRULE:FREQ=DAILY;COUNT=3\n");
        writeFeed(series);
        String connectionId = connect();
        List<MeetingDiscovered> occurrences = discovered.await(of(connectionId), 3, WAIT);
        assertThat(occurrences).extracting(MeetingDiscovered::getRecurringEventId).containsOnly("standup-1");
        assertThat(occurrences).extracting(MeetingDiscovered::getMeetingId).doesNotHaveDuplicates();

        Instant second = first.plus(1, ChronoUnit.DAYS);
        writeFeed(series + "BEGIN:VEVENT\nUID:standup-1\nRECURRENCE-ID:" + Ics.utc(second) + "\nDTSTART:"
                + Ics.utc(second) + "\nDTEND:" + Ics.utc(second.plus(15, ChronoUnit.MINUTES))
                + "\nSUMMARY:Standup\nSTATUS:CANCELLED\nEND:VEVENT\n");
        assertThat(sync(connectionId)).isEqualTo(new int[] {0, 0, 1, 2});
        MeetingDiscovered cancelled = discovered.await(of(connectionId), 4, WAIT).get(3);
        assertThat(cancelled.getChangeType()).isEqualTo(MeetingChangeType.CANCELLED);
        assertThat(cancelled.getExternalEventId()).isEqualTo("standup-1_" + Ics.utc(second));
        assertThat(cancelled.getVersion()).isEqualTo(2);
    }

    @Test
    void prepFiresOnceWhenTheTriggerAlreadyPassedButNotForStartedMeetings() throws IOException {
        Instant soon = now.plus(2, ChronoUnit.HOURS);
        Instant running = now.minus(10, ChronoUnit.MINUTES);
        Instant later = now.plus(3, ChronoUnit.DAYS);
        writeFeed(Ics.event("soon-1", "Budget planning", soon, soon.plus(1, ChronoUnit.HOURS), "")
                + Ics.event("running-1", "Already running", running, running.plus(1, ChronoUnit.HOURS), "")
                + Ics.event("later-1", "Roadmap", later, later.plus(1, ChronoUnit.HOURS), ""));
        String connectionId = connect();
        List<MeetingDiscovered> meetings = discovered.await(of(connectionId), 3, WAIT);
        String soonId = idOf(meetings, "soon-1");
        String runningId = idOf(meetings, "running-1");
        String laterId = idOf(meetings, "later-1");

        MeetingRequiresPrep fired = prep.await(event -> event.getMeetingId().equals(soonId), 1, WAIT).getFirst();
        assertThat(fired.getMeetingVersion()).isEqualTo(1);
        assertThat(fired.getMeetingType()).isEqualTo("general");
        assertThat(fired.getStartTime()).isEqualTo(soon);
        assertThat(fired.getPrepTriggerAt()).isEqualTo(soon.minus(24, ChronoUnit.HOURS));
        assertThat(fired.getAttendees()).hasSize(2);
        assertThat(fired.getMetadata().getUserId()).isEqualTo(user);
        assertThat(fired.getMetadata().getCorrelationId())
                .isEqualTo(meetings.stream().filter(m -> m.getMeetingId().equals(soonId)).findFirst().orElseThrow()
                        .getMetadata().getCorrelationId());

        assertThat(prepJobAt(runningId)).as("no prep job for a meeting that already started").isNull();
        assertThat(prepJobAt(laterId)).isEqualTo(later.minus(24, ChronoUnit.HOURS));

        assertThat(sync(connectionId)).isEqualTo(new int[] {0, 0, 0, 3});
        List<MeetingRequiresPrep> all = prep.readFor(event -> List.of(soonId, runningId, laterId)
                .contains(event.getMeetingId()), QUIET);
        assertThat(all).extracting(MeetingRequiresPrep::getMeetingId).containsExactly(soonId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM prep_notification WHERE meeting_id = ?", Integer.class,
                soonId)).isEqualTo(1);
    }

    @Test
    void theScheduledSyncJobPicksUpChangesAndRunsAgainOneIntervalLater() throws IOException {
        Instant start = now.plus(2, ChronoUnit.DAYS);
        writeFeed(Ics.event("scheduled-1", "Roadmap", start, start.plus(1, ChronoUnit.HOURS), ""));
        String connectionId = connect();
        discovered.await(of(connectionId), 1, WAIT);
        assertThat(syncJobAt(connectionId)).isAfter(Instant.now().plus(14, ChronoUnit.MINUTES));

        writeFeed(Ics.event("scheduled-1", "Roadmap (new agenda)", start, start.plus(1, ChronoUnit.HOURS), ""));
        jdbc.update("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = 'calendar-sync' "
                + "AND task_instance = ?", connectionId);

        MeetingDiscovered updated = discovered.await(of(connectionId), 2, WAIT).get(1);
        assertThat(updated.getChangeType()).isEqualTo(MeetingChangeType.UPDATED);
        assertThat(updated.getTitle()).isEqualTo("Roadmap (new agenda)");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(syncJobAt(connectionId)).isAfter(Instant.now().plus(14, ChronoUnit.MINUTES)));
    }

    @Test
    void disconnectingCancelsUpcomingMeetingsAndTheirJobs() throws IOException {
        Instant start = now.plus(3, ChronoUnit.DAYS);
        writeFeed(Ics.event("gone-1", "Roadmap", start, start.plus(1, ChronoUnit.HOURS), ""));
        String connectionId = connect();
        String meetingId = discovered.await(of(connectionId), 1, WAIT).getFirst().getMeetingId();
        assertThat(prepJobAt(meetingId)).isNotNull();

        assertThat(delete("/api/calendar/connections/" + connectionId, user).status()).isEqualTo(204);

        MeetingDiscovered cancelled = discovered.await(of(connectionId), 2, WAIT).get(1);
        assertThat(cancelled.getChangeType()).isEqualTo(MeetingChangeType.CANCELLED);
        assertThat(cancelled.getVersion()).isEqualTo(2);
        assertThat(prepJobAt(meetingId)).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'calendar-sync' "
                + "AND task_instance = ?", Integer.class, connectionId)).isZero();
        assertThat(get("/api/calendar/connections/" + connectionId, user).status()).isEqualTo(404);
        assertThat(delete("/api/calendar/connections/" + connectionId, user).status()).isEqualTo(404);
    }

    private String connect() {
        var response = post("/api/calendar/connections", user, connectionJson("Work", feed.toUri().toString()));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        assertThat(response.body().path("status").path("lastError").isNull()).isTrue();
        return response.body().path("id").asString();
    }

    /** created, updated, cancelled, unchanged of a "sync now". */
    private int[] sync(String connectionId) {
        var response = post("/api/calendar/connections/" + connectionId + "/sync", user, null);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        JsonNode body = response.body();
        return new int[] {body.path("created").asInt(), body.path("updated").asInt(), body.path("cancelled").asInt(),
                body.path("unchanged").asInt()};
    }

    private void writeFeed(String events) throws IOException {
        Files.writeString(feed, Ics.calendar(events));
    }

    private Instant prepJobAt(String meetingId) {
        return jobAt("meeting-prep", meetingId);
    }

    private Instant syncJobAt(String connectionId) {
        return jobAt("calendar-sync", connectionId);
    }

    private Instant jobAt(String task, String instance) {
        List<Timestamp> times = jdbc.queryForList("SELECT execution_time FROM scheduled_tasks "
                + "WHERE task_name = ? AND task_instance = ? AND NOT picked", Timestamp.class, task, instance);
        return times.isEmpty() ? null : times.getFirst().toInstant();
    }

    private static Predicate<MeetingDiscovered> of(String connectionId) {
        return event -> event.getConnectionId().equals(connectionId);
    }

    private static String idOf(List<MeetingDiscovered> meetings, String uid) {
        return meetings.stream().filter(meeting -> meeting.getICalUid().equals(uid)).findFirst().orElseThrow()
                .getMeetingId();
    }
}
