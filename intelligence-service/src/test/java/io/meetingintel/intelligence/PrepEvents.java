package io.meetingintel.intelligence;

import io.meetingintel.events.Attendee;
import io.meetingintel.events.AttendeeResponse;
import io.meetingintel.events.MeetingRequiresPrep;

import java.time.Instant;
import java.util.List;

/** A MeetingRequiresPrep as calendar-service publishes it. */
public final class PrepEvents {

    private PrepEvents() {
    }

    public static MeetingRequiresPrep requiresPrep(String meetingId, String userId, String meetingType, long version) {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        return MeetingRequiresPrep.newBuilder()
                .setMetadata(EventBus.metadata(userId, Instant.now()))
                .setMeetingId(meetingId)
                .setMeetingVersion(version)
                .setTitle("Weekly 1:1 Alice / Bob")
                .setDescription("Discuss the Acme pilot and Bob's $goals for Q1.")
                .setMeetingType(meetingType)
                .setStartTime(start)
                .setPrepTriggerAt(start.minusSeconds(24 * 3600))
                .setAttendees(List.of(
                        Attendee.newBuilder().setEmail("alice@example.com").setDisplayName("Alice Chen")
                                .setResponse(AttendeeResponse.ACCEPTED).setOrganizer(true).build(),
                        Attendee.newBuilder().setEmail("bob@example.com").setDisplayName(null)
                                .setResponse(AttendeeResponse.NEEDS_ACTION).setOrganizer(false).build()))
                .build();
    }
}
