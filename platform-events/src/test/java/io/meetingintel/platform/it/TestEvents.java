package io.meetingintel.platform.it;

import io.meetingintel.events.BotStatus;
import io.meetingintel.events.BotStatusChanged;
import io.meetingintel.events.ConferencePlatform;
import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.TranscriptChunk;

/** Realistic events for the plumbing tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static TranscriptChunk chunk(EventMetadata metadata, String meetingId, long sequence, String text) {
        return TranscriptChunk.newBuilder()
                .setMetadata(metadata)
                .setMeetingId(meetingId)
                .setSessionId("session-" + meetingId)
                .setSequence(sequence)
                .setChunkId("c-" + sequence)
                .setSpeaker("Alice")
                .setText(text)
                .setStartOffsetMs(sequence * 1000)
                .setEndOffsetMs(sequence * 1000 + 900)
                .setIsFinal(true)
                .setLanguage("en")
                .build();
    }

    public static BotStatusChanged botConnected(EventMetadata metadata, String meetingId) {
        return BotStatusChanged.newBuilder()
                .setMetadata(metadata)
                .setBotId("bot-" + meetingId)
                .setMeetingId(meetingId)
                .setStatus(BotStatus.CONNECTED)
                .setPreviousStatus(BotStatus.CONNECTING)
                .setReason(null)
                .setTransition(3)
                .setMeetingUrl("https://meet.google.com/abc-defg-hij")
                .setPlatform(ConferencePlatform.GOOGLE_MEET)
                .setProvider("simulated")
                .build();
    }
}
