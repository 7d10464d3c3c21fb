package io.meetingintel.bot.autojoin;

import io.meetingintel.bot.jobs.BotJobs;
import io.meetingintel.bot.support.BotServiceTestSupport;
import io.meetingintel.events.BotStatus;
import io.meetingintel.events.CalendarSource;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.platform.scheduling.PersistentJobs;
import io.meetingintel.schemas.Topics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AutoJoinTest extends BotServiceTestSupport {

    private static final String MEET = "https://meet.google.com/kdq-xwzp-tmr";

    @Autowired
    PersistentJobs jobs;

    @Test
    void aMeetingWithAGoogleMeetLinkStartingNowGetsABotAtOnce() {
        String user = unique("user");
        String meetingId = unique("mtg");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventMetadata metadata = metadata(user);
        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata, meetingId, 1, MeetingChangeType.CREATED, start, MEET));

        await().atMost(Duration.ofSeconds(20)).until(() -> liveBotOf(meetingId).isPresent());
        String botId = liveBotOf(meetingId).orElseThrow();
        var bot = body(get(user, "/api/bots/" + botId));
        assertThat(bot.path("meetingUrl").asString()).isEqualTo(MEET);
        assertThat(bot.path("platform").asString()).isEqualTo("GOOGLE_MEET");

        var first = botStatusEvents(meetingId, 1).getFirst();
        assertThat(first.getStatus()).isEqualTo(BotStatus.INITIALIZED);
        assertThat(first.getMetadata().getCorrelationId()).isEqualTo(metadata.getCorrelationId());
        assertThat(first.getMetadata().getUserId()).isEqualTo(user);
        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(botId).equals("TRANSCRIBING"));
    }

    @Test
    void aMeetingWithoutALinkGetsNoBot() {
        String meetingId = unique("mtg");
        publish(Topics.MEETING_DISCOVERED, meetingId, meeting(metadata(unique("user")), meetingId, 1,
                MeetingChangeType.CREATED, Instant.now(), null));

        awaitVersion(meetingId, 1);
        assertThat(jobs.nextRun(BotJobs.AUTO_JOIN, meetingId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot WHERE meeting_id = ?", Long.class, meetingId))
                .isZero();
    }

    @Test
    void theJoinFollowsTheMeetingWhenItMovesAndGoesWhenItIsCancelled() {
        String user = unique("user");
        String meetingId = unique("mtg");
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata(user), meetingId, 1, MeetingChangeType.CREATED, start, MEET));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jobs.nextRun(BotJobs.AUTO_JOIN, meetingId).isPresent());
        assertThat(jobs.nextRun(BotJobs.AUTO_JOIN, meetingId)).hasValue(start.minus(Duration.ofMinutes(1)));

        Instant moved = start.plus(Duration.ofHours(1));
        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata(user), meetingId, 2, MeetingChangeType.UPDATED, moved, MEET));
        awaitVersion(meetingId, 2);
        assertThat(jobs.nextRun(BotJobs.AUTO_JOIN, meetingId)).hasValue(moved.minus(Duration.ofMinutes(1)));

        // A stale version arriving late changes nothing.
        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata(user), meetingId, 1, MeetingChangeType.CREATED, start, MEET));
        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata(user), meetingId, 3, MeetingChangeType.CANCELLED, moved, MEET));
        awaitVersion(meetingId, 3);
        assertThat(jobs.nextRun(BotJobs.AUTO_JOIN, meetingId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot WHERE meeting_id = ?", Long.class, meetingId))
                .isZero();
    }

    @Test
    void aMeetingWithALiveBotGetsNoSecondOneAndItsCancellationSendsTheBotAway() {
        String user = unique("user");
        String meetingId = unique("mtg");
        String userBot = createBot(user, MEET, meetingId).path("id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> botStatus(userBot).equals("TRANSCRIBING"));

        Instant start = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata(user), meetingId, 1, MeetingChangeType.CREATED, start, MEET));
        awaitVersion(meetingId, 1);
        // The job runs at once and finds the user's live bot.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jobs.nextRun(BotJobs.AUTO_JOIN, meetingId).isEmpty());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bot WHERE meeting_id = ?", Long.class, meetingId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT auto_join_bot_id FROM meeting WHERE meeting_id = ?", String.class,
                meetingId)).isNull();
    }

    @Test
    void cancellingAMeetingAsksItsLiveBotToLeave() {
        String user = unique("user");
        String meetingId = unique("mtg");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata(user), meetingId, 1, MeetingChangeType.CREATED, start, MEET));
        await().atMost(Duration.ofSeconds(20)).until(() -> liveBotOf(meetingId).isPresent());
        String botId = liveBotOf(meetingId).orElseThrow();

        publish(Topics.MEETING_DISCOVERED, meetingId,
                meeting(metadata(user), meetingId, 2, MeetingChangeType.CANCELLED, start, MEET));
        awaitVersion(meetingId, 2);
        // Out of the call: before joining it ends in ERROR, from inside it moves on to TRANSCRIBING.
        await().atMost(Duration.ofSeconds(20)).until(() -> !botStatus(botId).equals("INITIALIZED")
                && !botStatus(botId).equals("CONNECTING") && !botStatus(botId).equals("CONNECTED"));
        assertThat(botStatus(botId)).isIn("ERROR", "TRANSCRIBING");
    }

    private Optional<String> liveBotOf(String meetingId) {
        return jdbc.queryForList("SELECT id FROM bot WHERE meeting_id = ? AND status NOT IN ('DONE', 'ERROR')",
                String.class, meetingId).stream().findFirst();
    }

    private void awaitVersion(String meetingId, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT version FROM meeting WHERE meeting_id = ?", Long.class, meetingId).contains(version));
    }

    private static MeetingDiscovered meeting(EventMetadata metadata, String meetingId, long version,
                                             MeetingChangeType change, Instant start, String conferenceUrl) {
        return MeetingDiscovered.newBuilder()
                .setMetadata(metadata)
                .setMeetingId(meetingId)
                .setVersion(version)
                .setChangeType(change)
                .setSource(CalendarSource.ICS)
                .setConnectionId("conn-1")
                .setExternalEventId("evt-" + meetingId)
                .setTitle("Northwind rollout review")
                .setStartTime(start)
                .setEndTime(start.plus(Duration.ofMinutes(45)))
                .setConferenceUrl(conferenceUrl)
                .setConferencePlatform(conferenceUrl == null ? ConferencePlatform.NONE : ConferencePlatform.GOOGLE_MEET)
                .setMeetingType("client_meeting")
                .setPrepHoursBefore(24)
                .setPrepTriggerAt(start.minus(Duration.ofHours(24)))
                .build();
    }
}
