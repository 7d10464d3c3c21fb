package io.meetingintel.calendar.demo;

import io.meetingintel.calendar.CalendarProperties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The local stack's demo calendar, generated when the service starts so the flow can be watched at once: a client
 * meeting with a Google Meet link a few minutes ahead (its prep trigger already passed, so MeetingRequiresPrep
 * follows right away), an all-day event (skipped by the sync) and a daily standup from tomorrow.
 */
public class DemoCalendar {

    static final String CLIENT_MEETING_UID = "demo-client-meeting@meetingintel.local";
    static final String CLIENT_MEETING_TITLE = "Weekly product sync with Acme (client meeting)";
    static final String MEET_LINK = "https://meet.google.com/abc-mnop-xyz";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String ics;
    private final Instant clientMeetingStart;

    public DemoCalendar(CalendarProperties properties, Clock clock) {
        Instant started = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        this.clientMeetingStart = started.plus(properties.demo().startOffset());
        String owner = properties.demo().user() + "@demo.meetingintel.local";
        LocalDate tomorrow = LocalDate.ofInstant(started, ZoneOffset.UTC).plusDays(1);
        Instant standup = tomorrow.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
        this.ics = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//meetingintel//demo calendar//EN",
                "CALSCALE:GREGORIAN",
                "BEGIN:VEVENT",
                "UID:" + CLIENT_MEETING_UID,
                "DTSTAMP:" + UTC.format(started),
                "DTSTART:" + UTC.format(clientMeetingStart),
                "DTEND:" + UTC.format(clientMeetingStart.plus(properties.demo().duration())),
                "SUMMARY:" + CLIENT_MEETING_TITLE,
                "DESCRIPTION:Roadmap review with Acme: pricing\\, onboarding feedback and next steps.",
                "LOCATION:Google Meet",
                "URL:" + MEET_LINK,
                "ORGANIZER;CN=Demo User:mailto:" + owner,
                "ATTENDEE;CN=Demo User;PARTSTAT=ACCEPTED:mailto:" + owner,
                "ATTENDEE;CN=Alice Anders;PARTSTAT=ACCEPTED:mailto:alice@acme.example",
                "ATTENDEE;CN=Bob Brown;PARTSTAT=TENTATIVE:mailto:bob@acme.example",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:demo-offsite@meetingintel.local",
                "DTSTAMP:" + UTC.format(started),
                "DTSTART;VALUE=DATE:" + DATE.format(tomorrow),
                "DTEND;VALUE=DATE:" + DATE.format(tomorrow.plusDays(1)),
                "SUMMARY:Team offsite (all day)",
                "END:VEVENT",
                "BEGIN:VEVENT",
                "UID:demo-standup@meetingintel.local",
                "DTSTAMP:" + UTC.format(started),
                "DTSTART:" + UTC.format(standup),
                "DTEND:" + UTC.format(standup.plus(Duration.ofMinutes(15))),
                "RRULE:FREQ=DAILY",
                "SUMMARY:Daily standup",
                "LOCATION:https://acme.zoom.us/j/5551234567",
                "ORGANIZER;CN=Demo User:mailto:" + owner,
                "ATTENDEE;CN=Demo User;PARTSTAT=ACCEPTED:mailto:" + owner,
                "ATTENDEE;CN=Carol Chen;PARTSTAT=ACCEPTED:mailto:carol@demo.meetingintel.local",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }

    public String ics() {
        return ics;
    }

    public Instant clientMeetingStart() {
        return clientMeetingStart;
    }
}
