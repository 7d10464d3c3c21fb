package io.meetingintel.calendar.classify;

import io.meetingintel.calendar.event.CalendarEvent;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Classifies events by the first matching rule, in the order of the rules file; the default type otherwise. */
public final class MeetingClassifier {

    private final List<MeetingTypeRule> rules;
    private final Classification defaultType;

    public MeetingClassifier(List<MeetingTypeRule> rules, Classification defaultType) {
        this.rules = List.copyOf(rules);
        this.defaultType = defaultType;
    }

    public Classification classify(CalendarEvent event) {
        String text = (event.title() + " " + (event.description() == null ? "" : event.description()))
                .toLowerCase(Locale.ROOT);
        int attendees = event.attendees().size();
        return rules.stream()
                .filter(rule -> rule.matches(text, attendees))
                .findFirst()
                .map(rule -> new Classification(rule.meetingType(), rule.prepHoursBefore()))
                .orElse(defaultType);
    }

    /** This classifier with a user's own rules checked before its rules (same default type). */
    public MeetingClassifier withRulesFirst(List<MeetingTypeRule> userRules) {
        if (userRules.isEmpty()) {
            return this;
        }
        return new MeetingClassifier(Stream.concat(userRules.stream(), rules.stream()).toList(),
                defaultType);
    }

    public List<MeetingTypeRule> rules() {
        return rules;
    }
}
