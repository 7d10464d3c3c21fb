package io.meetingintel.calendar.classify;

import java.util.List;
import java.util.Locale;

/**
 * One meeting type (seed 001 meeting_types): matches when the title or description contains one of its keywords
 * (case-insensitive) and the attendee count is within its bounds. A rule without keywords never matches.
 *
 * @param minAttendees null for no lower bound
 * @param maxAttendees null for no upper bound
 */
public record MeetingTypeRule(String meetingType, List<String> keywords, Integer minAttendees, Integer maxAttendees,
                              int prepHoursBefore) {

    public MeetingTypeRule {
        keywords = keywords.stream().map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList();
    }

    /** @param text title and description, lower-cased */
    boolean matches(String text, int attendeeCount) {
        return keywords.stream().anyMatch(text::contains)
                && (minAttendees == null || attendeeCount >= minAttendees)
                && (maxAttendees == null || attendeeCount <= maxAttendees);
    }
}
