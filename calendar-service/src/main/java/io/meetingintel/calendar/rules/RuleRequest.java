package io.meetingintel.calendar.rules;

import io.meetingintel.calendar.classify.MeetingTypeRule;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule as a user writes it. {@link #problems()} lists everything wrong with it at once.
 *
 * @param position optional: where among the user's rules it is checked (0 first); appended when absent
 */
public record RuleRequest(String meetingType, List<String> keywords, Integer minAttendees, Integer maxAttendees,
                          Integer prepHoursBefore, Integer position) {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final int MAX_KEYWORDS = 50;
    private static final int MAX_KEYWORD_LENGTH = 100;
    /** 90 days: nobody prepares earlier than that, and a typo of 10x should not pass. */
    static final int MAX_PREP_HOURS = 2160;

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (meetingType == null || !TYPE.matcher(meetingType).matches()) {
            problems.add("meetingType must be 1-64 characters of a-z, 0-9 and _, starting with a letter or digit");
        }
        if (keywords == null || keywords.isEmpty()) {
            problems.add("keywords must list at least one keyword");
        } else if (keywords.size() > MAX_KEYWORDS) {
            problems.add("keywords may list at most " + MAX_KEYWORDS + " keywords");
        } else if (keywords.stream().anyMatch(k -> k == null || k.isBlank() || k.length() > MAX_KEYWORD_LENGTH)) {
            problems.add("every keyword must be non-blank and at most " + MAX_KEYWORD_LENGTH + " characters");
        }
        if (minAttendees != null && minAttendees < 0) {
            problems.add("minAttendees must be 0 or more");
        }
        if (maxAttendees != null && maxAttendees < 1) {
            problems.add("maxAttendees must be 1 or more");
        }
        if (minAttendees != null && maxAttendees != null && minAttendees > maxAttendees) {
            problems.add("minAttendees must not be greater than maxAttendees");
        }
        if (prepHoursBefore == null || prepHoursBefore < 0 || prepHoursBefore > MAX_PREP_HOURS) {
            problems.add("prepHoursBefore must be between 0 and " + MAX_PREP_HOURS);
        }
        if (position != null && position < 0) {
            problems.add("position must be 0 or more");
        }
        return problems;
    }

    /** Call only when {@link #problems()} is empty. */
    MeetingTypeRule toRule() {
        return new MeetingTypeRule(meetingType, keywords.stream().map(String::strip).toList(), minAttendees,
                maxAttendees, prepHoursBefore);
    }
}
