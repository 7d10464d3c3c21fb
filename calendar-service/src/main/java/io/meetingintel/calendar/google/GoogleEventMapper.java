package io.meetingintel.calendar.google;

import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.ConferenceLink;
import io.meetingintel.calendar.event.Participant;
import io.meetingintel.calendar.feed.ConferenceLinkDetector;

import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.model.EntryPoint;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.google.api.services.calendar.model.EventDateTime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a Google event (an instance: listings use singleEvents=true) into our occurrence. Meeting ids follow the
 * platform rule (iCalUID + original start of the instance), the Google ids travel along as source ids.
 */
final class GoogleEventMapper {

    private static final DateTimeFormatter RECURRENCE_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NO_TITLE = "(no title)";

    private GoogleEventMapper() {
    }

    /**
     * What a listed item means for the local mirror.
     *
     * @param occurrence the timed occurrence to keep, or null: the item is cancelled or all-day, drop it
     */
    record Mapped(String eventId, String recurringEventId, CalendarEvent occurrence) {

        boolean removal() {
            return occurrence == null;
        }
    }

    static Mapped map(Event event) {
        if ("cancelled".equals(event.getStatus()) || isAllDay(event.getStart()) || isAllDay(event.getEnd())) {
            return new Mapped(event.getId(), event.getRecurringEventId(), null);
        }
        String uid = event.getICalUID() != null ? event.getICalUID() : event.getId();
        String recurrenceId = event.getRecurringEventId() == null ? null
                : RECURRENCE_ID.format(instant(event.getOriginalStartTime() != null
                ? event.getOriginalStartTime() : event.getStart()));
        Participant organizer = event.getOrganizer() == null || event.getOrganizer().getEmail() == null ? null
                : new Participant(event.getOrganizer().getEmail(), event.getOrganizer().getDisplayName(),
                Participant.Response.ACCEPTED, true);
        List<Participant> attendees = event.getAttendees() == null ? List.of() : event.getAttendees().stream()
                .filter(attendee -> !Boolean.TRUE.equals(attendee.getResource()) && attendee.getEmail() != null)
                .map(GoogleEventMapper::participant)
                .toList();
        String title = event.getSummary() == null || event.getSummary().isBlank() ? NO_TITLE : event.getSummary();
        CalendarEvent occurrence = new CalendarEvent(uid, recurrenceId, title, event.getDescription(),
                event.getLocation(), instant(event.getStart()), instant(event.getEnd()), organizer, attendees,
                conference(event), false, new CalendarEvent.SourceIds(event.getId(), event.getRecurringEventId()));
        return new Mapped(event.getId(), event.getRecurringEventId(), occurrence);
    }

    /** conferenceData's video entry point, then hangoutLink, then a known meeting link in location/description. */
    static ConferenceLink conference(Event event) {
        if (event.getConferenceData() != null && event.getConferenceData().getEntryPoints() != null) {
            for (EntryPoint entryPoint : event.getConferenceData().getEntryPoints()) {
                if ("video".equals(entryPoint.getEntryPointType()) && entryPoint.getUri() != null) {
                    return new ConferenceLink(entryPoint.getUri(), ConferenceLinkDetector.platformOf(entryPoint.getUri())
                            .orElse(ConferenceLink.Platform.OTHER));
                }
            }
        }
        if (event.getHangoutLink() != null) {
            return new ConferenceLink(event.getHangoutLink(), ConferenceLink.Platform.GOOGLE_MEET);
        }
        return ConferenceLinkDetector.detect(event.getLocation(), event.getDescription()).orElse(null);
    }

    private static Participant participant(EventAttendee attendee) {
        return new Participant(attendee.getEmail(), attendee.getDisplayName(), response(attendee.getResponseStatus()),
                Boolean.TRUE.equals(attendee.getOrganizer()));
    }

    private static Participant.Response response(String responseStatus) {
        return switch (Objects.toString(responseStatus, "").toLowerCase(Locale.ROOT)) {
            case "accepted" -> Participant.Response.ACCEPTED;
            case "declined" -> Participant.Response.DECLINED;
            case "tentative" -> Participant.Response.TENTATIVE;
            case "needsaction" -> Participant.Response.NEEDS_ACTION;
            default -> Participant.Response.UNKNOWN;
        };
    }

    private static boolean isAllDay(EventDateTime time) {
        return time == null || time.getDateTime() == null;
    }

    private static Instant instant(EventDateTime time) {
        DateTime dateTime = time.getDateTime();
        return Instant.ofEpochMilli(dateTime.getValue());
    }
}
