package io.meetingintel.calendar.classify;

import io.meetingintel.calendar.event.CalendarEvent;

import java.util.List;
import java.util.Locale;

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

    public List<MeetingTypeRule> rules() {
        return rules;
    }
}
