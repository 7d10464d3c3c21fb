package io.meetingintel.calendar.sync;

import io.meetingintel.calendar.event.CalendarEvent;
import io.meetingintel.calendar.event.Participant;
import io.meetingintel.events.Attendee;
import io.meetingintel.events.AttendeeResponse;
import io.meetingintel.events.CalendarSource;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.platform.metadata.EventMetadataFactory;

import java.util.List;

import org.springframework.stereotype.Component;

/** Builds the platform events (Avro) that describe a synced meeting. */
@Component
public class MeetingEvents {

    private final EventMetadataFactory metadata;

    public MeetingEvents(EventMetadataFactory metadata) {
        this.metadata = metadata;
    }

    public MeetingDiscovered discovered(SyncedMeeting meeting, MeetingChangeType change, String source) {
        CalendarEvent event = meeting.event();
        return MeetingDiscovered.newBuilder()
                .setMetadata(metadata.create(meeting.userId(), meeting.correlationId()))
                .setMeetingId(meeting.meetingId())
                .setVersion(meeting.version())
                .setChangeType(change)
                .setSource(CalendarSource.valueOf(source))
                .setConnectionId(meeting.connectionId())
                .setExternalEventId(event.externalEventId())
                .setRecurringEventId(event.recurringEventId())
                .setICalUid(event.uid())
                .setTitle(event.title())
                .setDescription(event.description())
                .setLocation(event.location())
                .setStartTime(event.start())
                .setEndTime(event.end())
                .setOrganizer(event.organizer() == null ? null : attendee(event.organizer()))
                .setAttendees(attendees(event))
                .setConferenceUrl(event.conference() == null ? null : event.conference().url())
                .setConferencePlatform(event.conference() == null ? ConferencePlatform.NONE
                        : ConferencePlatform.valueOf(event.conference().platform().name()))
                .setMeetingType(meeting.classification().meetingType())
                .setPrepHoursBefore(meeting.classification().prepHoursBefore())
                .setPrepTriggerAt(meeting.prepTriggerAt())
                .build();
    }

    public MeetingRequiresPrep requiresPrep(SyncedMeeting meeting) {
        CalendarEvent event = meeting.event();
        return MeetingRequiresPrep.newBuilder()
                .setMetadata(metadata.create(meeting.userId(), meeting.correlationId()))
                .setMeetingId(meeting.meetingId())
                .setMeetingVersion(meeting.version())
                .setTitle(event.title())
                .setDescription(event.description())
                .setMeetingType(meeting.classification().meetingType())
                .setStartTime(event.start())
                .setPrepTriggerAt(meeting.prepTriggerAt())
                .setAttendees(attendees(event))
                .build();
    }

    private static List<Attendee> attendees(CalendarEvent event) {
        return event.attendees().stream().map(MeetingEvents::attendee).toList();
    }

    private static Attendee attendee(Participant participant) {
        return Attendee.newBuilder()
                .setEmail(participant.email())
                .setDisplayName(participant.displayName())
                .setResponse(AttendeeResponse.valueOf(participant.response().name()))
                .setOrganizer(participant.organizer())
                .build();
    }
}
