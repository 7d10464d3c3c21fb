package io.meetingintel.schemas;

import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.events.TranscriptChunk;

import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

/** The catalogue of every topic the platform publishes: {@code <domain>.<event-name>.v<major>}, keyed by meeting id. */
public final class Topics {

    public static final int DEFAULT_PARTITIONS = 6;

    public static final String MEETING_DISCOVERED_NAME = "calendar.meeting-discovered.v1";
    public static final String MEETING_REQUIRES_PREP_NAME = "calendar.meeting-requires-prep.v1";
    public static final String BOT_STATUS_CHANGED_NAME = "bot.bot-status-changed.v1";
    public static final String TRANSCRIPT_CHUNK_NAME = "pipeline.transcript-chunk.v1";
    public static final String INSIGHT_GENERATED_NAME = "intelligence.insight-generated.v1";

    public static final Topic<MeetingDiscovered> MEETING_DISCOVERED = topic(MEETING_DISCOVERED_NAME,
            MeetingDiscovered.class, MeetingDiscovered.getClassSchema());
    public static final Topic<MeetingRequiresPrep> MEETING_REQUIRES_PREP = topic(MEETING_REQUIRES_PREP_NAME,
            MeetingRequiresPrep.class, MeetingRequiresPrep.getClassSchema());
    public static final Topic<BotStatusChanged> BOT_STATUS_CHANGED = topic(BOT_STATUS_CHANGED_NAME,
            BotStatusChanged.class, BotStatusChanged.getClassSchema());
    public static final Topic<TranscriptChunk> TRANSCRIPT_CHUNK = topic(TRANSCRIPT_CHUNK_NAME,
            TranscriptChunk.class, TranscriptChunk.getClassSchema());
    public static final Topic<InsightGenerated> INSIGHT_GENERATED = topic(INSIGHT_GENERATED_NAME,
            InsightGenerated.class, InsightGenerated.getClassSchema());

    public static final List<Topic<?>> ALL = List.of(MEETING_DISCOVERED, MEETING_REQUIRES_PREP, BOT_STATUS_CHANGED,
            TRANSCRIPT_CHUNK, INSIGHT_GENERATED);

    private Topics() {
    }

    public static Optional<Topic<?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static <V extends SpecificRecord> Topic<V> topic(String name, Class<V> type, org.apache.avro.Schema schema) {
        return new Topic<>(name, String.class, type, schema, DEFAULT_PARTITIONS);
    }
}
