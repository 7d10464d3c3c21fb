package io.meetingintel.platform.serde;

import io.meetingintel.events.Attendee;
import io.meetingintel.events.AttendeeResponse;
import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.CalendarSource;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightItem;
import io.meetingintel.events.InsightKind;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.schemas.Topics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** One realistic event per topic of the catalogue, with optional fields filled in so every branch is encoded. */
public final class SampleEvents {

    static final String MEETING_ID = "mtg-2024-06-03-weekly-sync";
    /** timestamp-millis keeps milliseconds only, so samples must not carry finer precision. */
    static final Instant START = Instant.parse("2024-06-03T14:00:00.000Z");

    private SampleEvents() {
    }

    /** Sample events by topic name, covering every topic of {@link Topics#ALL}. */
    public static Map<String, SpecificRecord> byTopic() {
        return Map.of(
                Topics.MEETING_DISCOVERED_NAME, meetingDiscovered(),
                Topics.MEETING_REQUIRES_PREP_NAME, meetingRequiresPrep(),
                Topics.BOT_STATUS_CHANGED_NAME, botStatusChanged(),
                Topics.TRANSCRIPT_CHUNK_NAME, transcriptChunk(),
                Topics.INSIGHT_GENERATED_NAME, insightGenerated());
    }

    public static EventMetadata metadata(String producer) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.fromString("6f1c2a7e-93d4-4b7a-9f0e-2a5b8c1d4e6f"))
                .setOccurredAt(Instant.parse("2024-06-03T09:15:42.123Z"))
                .setProducer(producer)
                .setUserId("user-42")
                .setCorrelationId("corr-8d2f61")
                .build();
    }

    public static TranscriptChunk transcriptChunk() {
        return TranscriptChunk.newBuilder()
                .setMetadata(metadata("pipeline-service"))
                .setMeetingId(MEETING_ID)
                .setSessionId("bot-7f3a-session-1")
                .setSequence(17)
                .setChunkId("chunk-0017")
                .setSpeaker("Ana Souza")
                .setText("Let's move the launch to Thursday so QA has two full days — any objections? Ça va.")
                .setStartOffsetMs(612_340)
                .setEndOffsetMs(618_910)
                .setIsFinal(true)
                .setLanguage("en")
                .build();
    }

    /** A TranscriptChunk schema as published before {@code language} was added. */
    public static Schema transcriptChunkWithoutLanguage() {
        Schema current = TranscriptChunk.getClassSchema();
        List<Schema.Field> fields = current.getFields().stream()
                .filter(field -> !field.name().equals("language"))
                .map(field -> new Schema.Field(field, field.schema()))
                .toList();
        return Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    }

    private static Attendee attendee(String email, String name, AttendeeResponse response, boolean organizer) {
        return Attendee.newBuilder().setEmail(email).setDisplayName(name).setResponse(response)
                .setOrganizer(organizer).build();
    }

    private static List<Attendee> attendees() {
        return List.of(
                attendee("ana.souza@example.com", "Ana Souza", AttendeeResponse.ACCEPTED, true),
                attendee("li.wei@example.com", null, AttendeeResponse.TENTATIVE, false),
                attendee("room-4b@resource.example.com", "Room 4B", AttendeeResponse.NEEDS_ACTION, false));
    }

    private static MeetingDiscovered meetingDiscovered() {
        return MeetingDiscovered.newBuilder()
                .setMetadata(metadata("calendar-service"))
                .setMeetingId(MEETING_ID)
                .setVersion(3)
                .setChangeType(MeetingChangeType.UPDATED)
                .setSource(CalendarSource.GOOGLE)
                .setConnectionId("conn-google-ana")
                .setExternalEventId("5q1k7ab0c2_20240603T140000Z")
                .setRecurringEventId("5q1k7ab0c2")
                .setICalUid("5q1k7ab0c2@google.com")
                .setTitle("Weekly product sync")
                .setDescription("Agenda: launch date, QA plan, open bugs")
                .setLocation("Room 4B / Google Meet")
                .setStartTime(START)
                .setEndTime(START.plus(Duration.ofMinutes(45)))
                .setOrganizer(attendees().getFirst())
                .setAttendees(attendees())
                .setConferenceUrl("https://meet.google.com/abc-defg-hij")
                .setConferencePlatform(ConferencePlatform.GOOGLE_MEET)
                .setMeetingType("internal_sync")
                .setPrepHoursBefore(2)
                .setPrepTriggerAt(START.minus(Duration.ofHours(2)))
                .build();
    }

    private static MeetingRequiresPrep meetingRequiresPrep() {
        return MeetingRequiresPrep.newBuilder()
                .setMetadata(metadata("calendar-service"))
                .setMeetingId(MEETING_ID)
                .setMeetingVersion(3)
                .setTitle("Weekly product sync")
                .setDescription(null)
                .setMeetingType("internal_sync")
                .setStartTime(START)
                .setPrepTriggerAt(START.minus(Duration.ofHours(2)))
                .setAttendees(attendees())
                .build();
    }

    private static BotStatusChanged botStatusChanged() {
        return BotStatusChanged.newBuilder()
                .setMetadata(metadata("bot-service"))
                .setBotId("bot-7f3a")
                .setMeetingId(MEETING_ID)
                .setStatus(BotStatus.TRANSCRIBING)
                .setPreviousStatus(BotStatus.CONNECTED)
                .setReason("participant admitted the bot")
                .setTransition(4)
                .setMeetingUrl("https://meet.google.com/abc-defg-hij")
                .setPlatform(ConferencePlatform.GOOGLE_MEET)
                .setProvider("simulated")
                .build();
    }

    private static InsightGenerated insightGenerated() {
        return InsightGenerated.newBuilder()
                .setMetadata(metadata("intelligence-service"))
                .setInsightId("insight-31")
                .setMeetingId(MEETING_ID)
                .setKind(InsightKind.ACTION_ITEMS)
                .setContent("## Action items\n- Ana: move launch to Thursday\n- Li: share QA plan")
                .setItems(List.of(
                        InsightItem.newBuilder().setText("Move the launch to Thursday").setOwner("Ana Souza")
                                .setDueDate(LocalDate.of(2024, 6, 6)).setSourceSequences(List.of(17L, 18L)).build(),
                        InsightItem.newBuilder().setText("Share the QA plan").setOwner(null).setDueDate(null)
                                .setSourceSequences(List.of()).build()))
                .setEngine("offline")
                .setTemplateId("tpl-action-items")
                .setTruncated(false)
                .setTranscriptThroughSequence(18L)
                .setFinalInsight(true)
                .build();
    }
}
