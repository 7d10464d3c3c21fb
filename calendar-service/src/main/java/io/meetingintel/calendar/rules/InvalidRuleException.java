package io.meetingintel.calendar.rules;

import java.util.List;

/** A rule a user submitted breaks the rules for rules; nothing was changed. */
public class InvalidRuleException extends RuntimeException {

    private final List<String> problems;

    public InvalidRuleException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
