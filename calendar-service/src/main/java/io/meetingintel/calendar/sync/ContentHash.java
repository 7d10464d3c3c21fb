package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.classify.Classification;
import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.MeetingIds;
import io.meetingintel.calendar.event.Participant;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Fingerprint of everything a MeetingDiscovered announces: equal hashes mean there is nothing to tell anyone. */
final class ContentHash {

    private static final String SEPARATOR = "\u001f";

    private ContentHash() {
    }

    static String of(CalendarEvent event, Classification classification) {
        String fields = Stream.of(event.uid(), event.recurrenceId(), event.title(), event.description(),
                        event.location(), event.start(), event.end(), participant(event.organizer()),
                        event.attendees().stream().map(ContentHash::participant).collect(Collectors.joining(",")),
                        event.conference() == null ? null : event.conference().url(),
                        event.conference() == null ? null : event.conference().platform(), event.cancelled(),
                        classification.meetingType(), classification.prepHoursBefore())
                .map(value -> Objects.toString(value, "\u0000"))
                .collect(Collectors.joining(SEPARATOR));
        return MeetingIds.sha256Hex(fields);
    }

    private static String participant(Participant participant) {
        return participant == null ? null : String.join("/", participant.email(),
                Objects.toString(participant.displayName(), ""), participant.response().name(),
                String.valueOf(participant.organizer()));
    }
}
