package io.meetingintel.meeting.ingest;

import io.meetingintel.events.Attendee;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightItem;
import io.meetingintel.events.InsightKind;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.meeting.domain.MeetingDetails;
import io.meetingintel.meeting.domain.Participant;
import io.meetingintel.meeting.reports.InsightEntry;
import io.meetingintel.meeting.reports.InsightSection;
import io.meetingintel.meeting.reports.ReportedBotStatus;
import io.meetingintel.meeting.reports.ReportedInsight;
import io.meetingintel.platform.consumer.InvalidEventException;
import io.meetingintel.platform.metadata.EventMetadataFactory;

import java.util.Locale;
import java.util.Optional;

/** Translates events into the service's own types, rejecting content that can never be applied. */
final class EventMapping {

    private EventMapping() {
    }

    static MeetingDetails details(MeetingDiscovered event) {
        String meetingId = requireMeetingId(event.getMeetingId());
        String userId = EventMetadataFactory.metadataOf(event).getUserId();
        if (userId == null || userId.isBlank()) {
            throw new InvalidEventException("MeetingDiscovered " + meetingId + " has no user id");
        }
        if (event.getEndTime().isBefore(event.getStartTime())) {
            throw new InvalidEventException("MeetingDiscovered " + meetingId + " ends (" + event.getEndTime()
                    + ") before it starts (" + event.getStartTime() + ")");
        }
        return new MeetingDetails(meetingId, userId, event.getVersion(), event.getTitle(), event.getDescription(),
                event.getLocation(), event.getStartTime(), event.getEndTime(),
                event.getOrganizer() == null ? null : participant(event.getOrganizer()),
                event.getAttendees().stream().map(EventMapping::participant).toList(), event.getConferenceUrl(),
                lower(event.getConferencePlatform()), event.getMeetingType(), event.getPrepHoursBefore(),
                event.getPrepTriggerAt());
    }

    static String requireMeetingId(String meetingId) {
        if (meetingId == null || meetingId.isBlank()) {
            throw new InvalidEventException("Event has no meeting id");
        }
        return meetingId;
    }

    static ReportedBotStatus botStatus(BotStatusChanged event) {
        return new ReportedBotStatus(requireMeetingId(event.getMeetingId()), event.getBotId(),
                lower(event.getStatus()), event.getTransition(), event.getReason(),
                EventMetadataFactory.metadataOf(event).getOccurredAt());
    }

    static Optional<InsightSection> section(InsightKind kind) {
        return switch (kind) {
            case PREP_MATERIALS -> Optional.of(InsightSection.PREP_MATERIALS);
            case SUMMARY -> Optional.of(InsightSection.SUMMARY);
            case ACTION_ITEMS -> Optional.of(InsightSection.ACTION_ITEMS);
            case DECISIONS -> Optional.of(InsightSection.DECISIONS);
            case RUNNING_NOTES, OTHER -> Optional.empty();
        };
    }

    static ReportedInsight insight(InsightGenerated event, InsightSection section) {
        return new ReportedInsight(requireMeetingId(event.getMeetingId()), section, event.getInsightId(),
                event.getContent(), event.getItems().stream().map(EventMapping::entry).toList(), event.getEngine(),
                EventMetadataFactory.metadataOf(event).getOccurredAt());
    }

    private static InsightEntry entry(InsightItem item) {
        return new InsightEntry(item.getText(), item.getOwner(), item.getDueDate());
    }

    private static Participant participant(Attendee attendee) {
        return new Participant(attendee.getEmail(), attendee.getDisplayName(), lower(attendee.getResponse()),
                attendee.getOrganizer());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
