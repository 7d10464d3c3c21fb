package io.meetingintel.meeting;

import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.schemas.Topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Meetings from MeetingDiscovered, the status lifecycle and its persistent start/end jobs, seen through REST. */
class MeetingLifecycleTest extends MeetingServiceTestBase {

    private static final String TOPIC = Topics.MEETING_DISCOVERED_NAME;

    @Test
    void discoveredMeetingIsVisibleToItsOwnerOnly() {
        String owner = newId("user");
        String stranger = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofDays(2));
        publish(TOPIC, meetingId, meeting(meetingId, owner, 1, start, start.plus(Duration.ofHours(1))).build());

        JsonNode view = awaitMeeting(meetingId, owner);
        assertThat(view.get("id").asString()).isEqualTo(meetingId);
        assertThat(view.get("title").asString()).isEqualTo("Quarterly review " + meetingId);
        assertThat(view.get("status").asString()).isEqualTo("upcoming");
        assertThat(view.get("prepStatus").asString()).isEqualTo("not_started");
        assertThat(view.get("startTime").asString()).isEqualTo(start.toString());
        assertThat(view.get("attendees")).hasSize(2);
        assertThat(view.get("attendees").get(0).get("email").asString()).isEqualTo("ann@example.com");
        assertThat(view.get("conferencePlatform").asString()).isEqualTo("google_meet");
        assertThat(view.get("meetingType").asString()).isEqualTo("client_meeting");
        assertThat(view.get("version").asLong()).isEqualTo(1);

        JsonNode list = getJson("/api/meetings", owner);
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asString()).isEqualTo(meetingId);

        assertThat(get("/api/meetings/" + meetingId, stranger).statusCode()).isEqualTo(404);
        assertThat(getJson("/api/meetings", stranger).get("total").asLong()).isZero();
        var anonymous = get("/api/meetings/" + meetingId, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
    }

    @Test
    void statusMovesFromUpcomingToInProgressToDoneOnTime() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plusSeconds(3);
        Instant end = start.plusSeconds(3);
        publish(TOPIC, meetingId, meeting(meetingId, user, 1, start, end).build());

        JsonNode view = awaitMeeting(meetingId, user);
        assertThat(view.get("status").asString()).isEqualTo("upcoming");
        assertThat(jobs(meetingId)).containsExactly("meeting-starts@" + start, "meeting-ends@" + end);

        await().atMost(Duration.ofSeconds(15)).until(() -> status(meetingId, user).equals("in_progress"));
        await().atMost(Duration.ofSeconds(15)).until(() -> status(meetingId, user).equals("done"));
        JsonNode history = view(meetingId, user).get("statusHistory");
        assertThat(statuses(history)).containsExactly("upcoming", "in_progress", "done");
        assertThat(Instant.parse(history.get(1).get("changedAt").asString())).isAfterOrEqualTo(start);
        assertThat(Instant.parse(history.get(2).get("changedAt").asString())).isAfterOrEqualTo(end);
        assertThat(history.get(2).get("reason").asString()).isEqualTo("end time reached");
        await().atMost(Duration.ofSeconds(5)).until(() -> jobs(meetingId).isEmpty());
    }

    @Test
    void changedTimesRescheduleTheJobs() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(1));
        Instant end = start.plus(Duration.ofHours(1));
        publish(TOPIC, meetingId, meeting(meetingId, user, 1, start, end).build());
        awaitMeeting(meetingId, user);
        assertThat(jobs(meetingId)).containsExactly("meeting-starts@" + start, "meeting-ends@" + end);

        Instant laterEnd = end.plus(Duration.ofMinutes(30));
        publish(TOPIC, meetingId, meeting(meetingId, user, 2, start, laterEnd).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> view(meetingId, user).get("version").asLong() == 2);
        assertThat(view(meetingId, user).get("endTime").asString()).isEqualTo(laterEnd.toString());
        assertThat(jobs(meetingId)).containsExactly("meeting-starts@" + start, "meeting-ends@" + laterEnd);
    }

    @Test
    void cancellationCancelsTheMeetingAndItsJobs() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(3));
        Instant end = start.plus(Duration.ofHours(1));
        publish(TOPIC, meetingId, meeting(meetingId, user, 1, start, end).build());
        awaitMeeting(meetingId, user);
        assertThat(jobs(meetingId)).hasSize(2);

        publish(TOPIC, meetingId, meeting(meetingId, user, 2, start, end)
                .setChangeType(MeetingChangeType.CANCELLED).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> status(meetingId, user).equals("cancelled"));
        assertThat(jobs(meetingId)).isEmpty();
        assertThat(statuses(view(meetingId, user).get("statusHistory"))).containsExactly("upcoming", "cancelled");
    }

    @Test
    void meetingsWhoseTimesAlreadyPassedGetTheirStatusAtOnce() {
        String user = newId("user");
        String ended = newId("mtg");
        String running = newId("mtg");
        Instant now = now();
        publish(TOPIC, ended, meeting(ended, user, 1, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))
                .build());
        Instant runningEnd = now.plus(Duration.ofHours(1));
        publish(TOPIC, running, meeting(running, user, 1, now.minus(Duration.ofMinutes(10)), runningEnd).build());

        JsonNode endedView = awaitMeeting(ended, user);
        assertThat(endedView.get("status").asString()).isEqualTo("done");
        assertThat(statuses(endedView.get("statusHistory"))).containsExactly("upcoming", "done");
        assertThat(jobs(ended)).isEmpty();

        JsonNode runningView = awaitMeeting(running, user);
        assertThat(runningView.get("status").asString()).isEqualTo("in_progress");
        assertThat(jobs(running)).containsExactly("meeting-ends@" + runningEnd);
    }

    @Test
    void overdueJobFoundInTheDatabaseCatchesUp() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(1));
        publish(TOPIC, meetingId, meeting(meetingId, user, 1, start, start.plus(Duration.ofHours(1))).build());
        awaitMeeting(meetingId, user);

        // As after a restart: the persisted end job's time passed while nothing ran it.
        jdbc.update("UPDATE scheduled_tasks SET execution_time = now() - interval '1 minute' "
                + "WHERE task_name = 'meeting-ends' AND task_instance = ?", meetingId);
        await().atMost(Duration.ofSeconds(15)).until(() -> status(meetingId, user).equals("done"));
        assertThat(jobs(meetingId)).doesNotContain("meeting-ends@" + start.plus(Duration.ofHours(1)));
    }

    @Test
    void duplicateDeliveryHasOneEffect() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(5));
        MeetingDiscovered created = meeting(meetingId, user, 1, start, start.plus(Duration.ofHours(1))).build();
        publish(TOPIC, meetingId, created);
        publish(TOPIC, meetingId, created);
        awaitConsumed("meeting-discovered", created);
        // A later version on the same partition proves both copies were consumed before it.
        MeetingDiscovered renamed = meeting(meetingId, user, 2, start, start.plus(Duration.ofHours(1)))
                .setTitle("Renamed").build();
        publish(TOPIC, meetingId, renamed);
        await().atMost(Duration.ofSeconds(20)).until(() -> view(meetingId, user).get("version").asLong() == 2);

        JsonNode view = view(meetingId, user);
        assertThat(view.get("title").asString()).isEqualTo("Renamed");
        assertThat(statuses(view.get("statusHistory"))).containsExactly("upcoming");
        assertThat(jobs(meetingId)).hasSize(2);
    }

    @Test
    void olderVersionArrivingLateIsIgnored() {
        String user = newId("user");
        String meetingId = newId("mtg");
        Instant start = now().plus(Duration.ofHours(6));
        Instant end = start.plus(Duration.ofHours(1));
        publish(TOPIC, meetingId, meeting(meetingId, user, 2, start, end).setTitle("Version two").build());
        awaitMeeting(meetingId, user);

        MeetingDiscovered stale = meeting(meetingId, user, 1, start.minus(Duration.ofHours(1)), end)
                .setTitle("Version one").build();
        publish(TOPIC, meetingId, stale);
        awaitConsumed("meeting-discovered", stale);

        JsonNode view = view(meetingId, user);
        assertThat(view.get("version").asLong()).isEqualTo(2);
        assertThat(view.get("title").asString()).isEqualTo("Version two");
        assertThat(view.get("startTime").asString()).isEqualTo(start.toString());
        assertThat(jobs(meetingId)).containsExactly("meeting-starts@" + start, "meeting-ends@" + end);
    }

    private String status(String meetingId, String user) {
        return view(meetingId, user).get("status").asString();
    }

    /** "task@executionTime" of the meeting's jobs, soonest first. */
    private List<String> jobs(String meetingId) {
        return StreamSupport.stream(jobsOf(meetingId).spliterator(), false)
                .map(job -> job.get("taskName").asString() + "@" + job.get("executionTime").asString())
                .toList();
    }

    private static List<String> statuses(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).map(entry -> entry.get("status").asString())
                .toList();
    }
}
