package io.meetingintel.calendar.feed;

import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.ConferenceLink.Platform;
import io.meetingintel.calendar.event.Participant;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.meetingintel.calendar.Ics.calendar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcsParserTest {

    private static final Instant NOW = Instant.parse("2030-01-06T00:00:00Z");
    private static final Instant HORIZON = NOW.plus(14, ChronoUnit.DAYS);

    private final IcsParser parser = new IcsParser();

    @Test
    void skipsAllDayEventsAndKeepsTimedOnesWithAttendeesAndOrganizer() {
        List<CalendarEvent> events = parse(calendar("""
                BEGIN:VEVENT
                UID:offsite
                DTSTART;VALUE=DATE:20300108
                DTEND;VALUE=DATE:20300109
                SUMMARY:Company offsite
                END:VEVENT
                BEGIN:VEVENT
                UID:review
                DTSTART:20300107T140000Z
                DTEND:20300107T150000Z
                SUMMARY:Design review
                DESCRIPTION:Agenda: the new API
                ORGANIZER;CN=Olga Organizer:mailto:olga@example.com
                ATTENDEE;CN=Olga Organizer;PARTSTAT=ACCEPTED:mailto:olga@example.com
                ATTENDEE;CN=Bob;PARTSTAT=DECLINED:mailto:bob@example.com
                ATTENDEE;PARTSTAT=TENTATIVE:mailto:carol@example.com
                ATTENDEE:mailto:dan@example.com
                END:VEVENT
                """));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.uid()).isEqualTo("review");
            assertThat(event.recurrenceId()).isNull();
            assertThat(event.externalEventId()).isEqualTo("review");
            assertThat(event.title()).isEqualTo("Design review");
            assertThat(event.description()).isEqualTo("Agenda: the new API");
            assertThat(event.start()).isEqualTo("2030-01-07T14:00:00Z");
            assertThat(event.end()).isEqualTo("2030-01-07T15:00:00Z");
            assertThat(event.cancelled()).isFalse();
            assertThat(event.conference()).isNull();
            assertThat(event.organizer()).isEqualTo(
                    new Participant("olga@example.com", "Olga Organizer", Participant.Response.ACCEPTED, true));
            assertThat(event.attendees()).containsExactly(
                    new Participant("olga@example.com", "Olga Organizer", Participant.Response.ACCEPTED, true),
                    new Participant("bob@example.com", "Bob", Participant.Response.DECLINED, false),
                    new Participant("carol@example.com", null, Participant.Response.TENTATIVE, false),
                    new Participant("dan@example.com", null, Participant.Response.NEEDS_ACTION, false));
        });
    }

    @Test
    void expandsRecurringEventsWithinTheWindowHonouringExdateAndOverrides() {
        List<CalendarEvent> events = parse(calendar("""
                BEGIN:VEVENT
                UID:standup
                DTSTART;TZID=Europe/Berlin:20291228T100000
                DTEND;TZID=Europe/Berlin:20291228T101500
                RRULE:FREQ=DAILY;UNTIL=20300110T090000Z
                EXDATE;TZID=Europe/Berlin:20300108T100000
                SUMMARY:Standup
                LOCATION:https://acme.zoom.us/j/123456789
                END:VEVENT
                BEGIN:VEVENT
                UID:standup
                RECURRENCE-ID;TZID=Europe/Berlin:20300109T100000
                DTSTART;TZID=Europe/Berlin:20300109T113000
                DTEND;TZID=Europe/Berlin:20300109T114500
                SUMMARY:Standup (moved)
                LOCATION:https://acme.zoom.us/j/123456789
                END:VEVENT
                BEGIN:VEVENT
                UID:standup
                RECURRENCE-ID;TZID=Europe/Berlin:20300107T100000
                DTSTART;TZID=Europe/Berlin:20300107T100000
                DTEND;TZID=Europe/Berlin:20300107T101500
                STATUS:CANCELLED
                SUMMARY:Standup
                END:VEVENT
                """));

        // Berlin is UTC+1 in January: occurrences at 09:00Z on Jan 6, 7 (cancelled), 9 (moved), 10; Jan 8 excluded.
        assertThat(events).extracting(CalendarEvent::externalEventId, CalendarEvent::start, CalendarEvent::cancelled)
                .containsExactly(
                        tuple("standup_20300106T090000Z", "2030-01-06T09:00:00Z", false),
                        tuple("standup_20300107T090000Z", "2030-01-07T09:00:00Z", true),
                        tuple("standup_20300109T090000Z", "2030-01-09T10:30:00Z", false),
                        tuple("standup_20300110T090000Z", "2030-01-10T09:00:00Z", false));
        assertThat(events.get(2).title()).isEqualTo("Standup (moved)");
        assertThat(events.get(2).end()).isEqualTo("2030-01-09T10:45:00Z");
        assertThat(events.get(0).end()).isEqualTo("2030-01-06T09:15:00Z");
        assertThat(events.get(0).conference().platform()).isEqualTo(Platform.ZOOM);
        assertThat(events).allSatisfy(event -> assertThat(event.recurring()).isTrue());
    }

    @Test
    void keepsCancelledEventsAsCancellationsAndDropsEventsOutsideTheWindow() {
        List<CalendarEvent> events = parse(calendar("""
                BEGIN:VEVENT
                UID:cancelled
                DTSTART:20300108T090000Z
                DURATION:PT30M
                STATUS:CANCELLED
                SUMMARY:Cancelled sync
                END:VEVENT
                BEGIN:VEVENT
                UID:past
                DTSTART:20300101T090000Z
                DTEND:20300101T100000Z
                SUMMARY:Already over
                END:VEVENT
                BEGIN:VEVENT
                UID:far
                DTSTART:20300301T090000Z
                DTEND:20300301T100000Z
                SUMMARY:Beyond the horizon
                END:VEVENT
                """));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.uid()).isEqualTo("cancelled");
            assertThat(event.cancelled()).isTrue();
            assertThat(event.end()).isEqualTo("2030-01-08T09:30:00Z");
        });
    }

    @Test
    void detectsTheConferenceLinkInUrlThenLocationThenDescription() {
        List<CalendarEvent> events = parse(calendar("""
                BEGIN:VEVENT
                UID:url-first
                DTSTART:20300107T090000Z
                DTEND:20300107T100000Z
                SUMMARY:Meet
                URL:https://meet.google.com/abc-defg-hij
                LOCATION:https://acme.zoom.us/j/111
                END:VEVENT
                BEGIN:VEVENT
                UID:description-only
                DTSTART:20300107T110000Z
                DTEND:20300107T120000Z
                SUMMARY:Teams
                LOCATION:Room 4
                DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=x.
                END:VEVENT
                """));

        assertThat(events).extracting(event -> event.conference().platform(), event -> event.conference().url())
                .containsExactly(
                        tuple(Platform.GOOGLE_MEET, "https://meet.google.com/abc-defg-hij"),
                        tuple(Platform.TEAMS, "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=x"));
    }

    @Test
    void rejectsSomethingThatIsNotICalendar() {
        assertThatThrownBy(() -> parse("<html>not a calendar</html>")).isInstanceOf(FeedException.class);
    }

    private List<CalendarEvent> parse(String ics) {
        return parser.parse(new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), NOW, HORIZON);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = values[i] instanceof String text && text.matches("\\d{4}-.*Z") ? Instant.parse(text) : values[i];
        }
        return org.assertj.core.groups.Tuple.tuple(converted);
    }
}
