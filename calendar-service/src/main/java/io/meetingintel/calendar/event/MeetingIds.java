package io.meetingintel.calendar.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The platform's stable meeting id of a calendar occurrence: every service keys its data by it. */
public final class MeetingIds {

    private MeetingIds() {
    }

    public static String of(String connectionId, CalendarEvent event) {
        String recurrence = event.recurrenceId() == null ? "" : event.recurrenceId();
        return "mtg_" + sha256Hex(connectionId + "|" + event.uid() + "|" + recurrence).substring(0, 20);
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
