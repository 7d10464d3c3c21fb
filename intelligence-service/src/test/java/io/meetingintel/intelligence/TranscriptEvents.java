package io.meetingintel.intelligence;

import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.TranscriptChunk;
import io.meetingintel.intelligence.engine.TranscriptLine;
import io.meetingintel.schemas.Topics;

import java.time.Instant;
import java.util.List;

/** Publishes what pipeline-service and bot-service would: transcript chunks and the bot's TRANSCRIBING status. */
public final class TranscriptEvents {

    /** The sample meetings were recorded from this instant (a Monday). */
    public static final Instant RECORDING_START = Instant.parse("2026-11-30T15:00:00Z");

    private TranscriptEvents() {
    }

    public static void publishChunks(EventBus bus, String meetingId, String userId, List<TranscriptLine> lines) {
        for (TranscriptLine line : lines) {
            bus.publish(Topics.TRANSCRIPT_CHUNK, meetingId, TranscriptChunk.newBuilder()
                    .setMetadata(EventBus.metadata(userId, RECORDING_START.plusMillis(line.endOffsetMs())))
                    .setMeetingId(meetingId)
                    .setSessionId("session-" + meetingId)
                    .setSequence(line.sequence())
                    .setChunkId("c-" + line.sequence())
                    .setSpeaker(line.speaker())
                    .setText(line.text())
                    .setStartOffsetMs(line.startOffsetMs())
                    .setEndOffsetMs(line.endOffsetMs())
                    .setIsFinal(true)
                    .build());
        }
    }

    public static BotStatusChanged transcribing(String meetingId, String userId) {
        return BotStatusChanged.newBuilder()
                .setMetadata(EventBus.metadata(userId, Instant.now()))
                .setBotId("bot-" + meetingId)
                .setMeetingId(meetingId)
                .setStatus(BotStatus.TRANSCRIBING)
                .setPreviousStatus(BotStatus.CONNECTED)
                .setReason("call ended")
                .setTransition(4)
                .setMeetingUrl("https://meet.example.com/" + meetingId)
                .setProvider("simulated")
                .build();
    }
}
