package io.meetingintel.calendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds small iCalendar documents for tests. */
public final class Ics {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Ics() {
    }

    /** Wraps VEVENT text (lines separated by \n) into a calendar with CRLF line ends. */
    public static String calendar(String events) {
        return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//meetingintel//test//EN\n" + events + "END:VCALENDAR\n")
                .replace("\n", "\r\n");
    }

    public static String utc(Instant instant) {
        return UTC.format(instant);
    }

    /** A timed event with two attendees and the given extra lines (e.g. "URL:...\n"). */
    public static String event(String uid, String title, Instant start, Instant end, String extraLines) {
        return "BEGIN:VEVENT\nUID:" + uid + "\nDTSTART:" + utc(start) + "\nDTEND:" + utc(end) + "\nSUMMARY:" + title
                + "\nORGANIZER;CN=Olga:mailto:olga@example.com\n"
                + "ATTENDEE;CN=Olga;PARTSTAT=ACCEPTED:mailto:olga@example.com\n"
                + "ATTENDEE;CN=Pat;PARTSTAT=NEEDS-ACTION:mailto:pat@example.com\n"
                + extraLines + "END:VEVENT\n";
    }
}
