package io.meetingintel.calendar.demo;

import io.meetingintel.calendar.CalendarIntegrationTest;
import io.meetingintel.calendar.Ics;
import io.meetingintel.calendar.TopicReader;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.platform.serde.AvroEventCodec;
import io.meetingintel.schemas.Topics;
import io.meetingintel.testing.ServiceProbe;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** With CALENDAR_DEMO_USER set, the demo calendar is connected at start and its client meeting gets prepared. */
class DemoCalendarTest extends CalendarIntegrationTest {

    @Autowired
    AvroEventCodec codec;
    @Autowired
    DemoCalendar calendar;

    @Test
    void theDemoUserHasAConnectedGeneratedCalendarWhoseClientMeetingRequiresPrepAtOnce() {
        Response connections = get("/api/calendar/connections", DEMO_USER);
        assertThat(connections.body().path("total").asInt()).isEqualTo(1);
        JsonNode connection = connections.body().path("items").get(0);
        assertThat(connection.path("icsUrl").asString()).endsWith("/internal/demo-calendar.ics");
        assertThat(connection.path("status").path("lastError").isNull()).isTrue();

        MeetingDiscovered meeting;
        try (var discovered = new TopicReader<MeetingDiscovered>(Topics.MEETING_DISCOVERED.name(), codec)) {
            meeting = discovered.await(event -> event.getICalUid().equals(DemoCalendar.CLIENT_MEETING_UID), 1,
                    Duration.ofSeconds(20)).getFirst();
        }
        assertThat(meeting.getChangeType()).isEqualTo(MeetingChangeType.CREATED);
        assertThat(meeting.getMetadata().getUserId()).isEqualTo(DEMO_USER);
        assertThat(meeting.getTitle()).isEqualTo(DemoCalendar.CLIENT_MEETING_TITLE);
        assertThat(meeting.getMeetingType()).isEqualTo("client_meeting");
        assertThat(meeting.getConferencePlatform()).isEqualTo(ConferencePlatform.GOOGLE_MEET);
        assertThat(meeting.getConferenceUrl()).isEqualTo(DemoCalendar.MEET_LINK);
        assertThat(meeting.getAttendees()).hasSize(3);
        assertThat(meeting.getStartTime()).isEqualTo(calendar.clientMeetingStart());
        assertThat(Duration.between(meeting.getStartTime(), meeting.getEndTime())).isEqualTo(Duration.ofMinutes(2));

        try (var prep = new TopicReader<MeetingRequiresPrep>(Topics.MEETING_REQUIRES_PREP.name(), codec)) {
            List<MeetingRequiresPrep> fired = prep.await(event -> event.getMeetingId().equals(meeting.getMeetingId()),
                    1, Duration.ofSeconds(20));
            assertThat(fired).singleElement().satisfies(event -> assertThat(event.getMeetingVersion()).isEqualTo(1));
        }

        JsonNode meetings = get("/api/calendar/meetings?size=200", DEMO_USER).body();
        List<String> titles = meetings.path("items").valueStream().map(item -> item.path("title").asString()).toList();
        assertThat(titles).contains(DemoCalendar.CLIENT_MEETING_TITLE, "Daily standup")
                .doesNotContain("Team offsite (all day)");
    }

    @Test
    void servesTheGeneratedFeed() {
        var feed = ServiceProbe.get(port, "/internal/demo-calendar.ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(feed.body()).contains("RRULE:FREQ=DAILY", "DTSTART;VALUE=DATE:", DemoCalendar.MEET_LINK)
                .contains(Ics.utc(calendar.clientMeetingStart().truncatedTo(ChronoUnit.SECONDS)));
    }
}
