package io.meetingintel.intelligence.engine.offline;

import io.meetingintel.intelligence.engine.ExtractedItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds action items, one rule per way people state them. A sentence gives at most one item; questions only count
 * as the request form ("Bob, could you ...?").
 * <ol>
 * <li>Marker: "Action item: Bob to update the pricing sheet", "TODO: ...", "Next step for Carol: ...". The owner is
 * the person named in the marker or in front of the task, the speaker for "I'll ...", else none.</li>
 * <li>Commitment of a named person: "Alice will send ...", "Dan is going to ...", "Alice and Bob need to ...".</li>
 * <li>Commitment of the speaker: "I'll schedule ...", "I will ...", "I'm going to ...", "Let me ...": owner = the
 * speaker.</li>
 * <li>Request: "Bob, please update ...", "Bob, could you update ...?": owner = Bob.</li>
 * </ol>
 * Outside markers the task must start with an action verb ({@link ActionVerbs}), the name must not be a pronoun or
 * a common capitalised word, and the commitment must not be negated or hypothetical ("won't", "if ..."). The due date
 * is whatever {@link DueDates} finds in the sentence.
 */
final class ActionItemRules {

    private static final String NAME_WORD = "[A-Z][a-zA-Z'\\-]+";
    private static final String NAME = NAME_WORD + "(?: " + NAME_WORD + ")?";
    private static final String OWNER = "(?<owner>" + NAME + "(?:(?:,| and) " + NAME + ")*)";
    private static final String FILLER_ADVERBS = "(?:(?:also|then|just|quickly|personally|first|definitely|"
            + "still|go ahead and|try to|make sure to|be sure to) )*";
    /** Clause starts: sentence start, after a comma/semicolon, or after a linking word. */
    private static final String CLAUSE_START = "(?:^|[,;:]\\s+|\\b(?:and|so|then|but)\\s+)";

    private static final Pattern MARKER = Pattern.compile("^(?i:action items?|action|to-?do|to do|follow-?ups?|"
            + "next steps?)(?: (?i:for) (?<markerOwner>" + NAME + "))?\\s*[:\\-–—]\\s*(?<rest>.+)$");
    private static final Pattern NAMED_COMMITMENT = Pattern.compile(CLAUSE_START + OWNER
            + " (?i:will|'ll|is going to|are going to|'s going to|is gonna|are gonna|needs to|need to|has to|"
            + "have to|is taking|to) " + FILLER_ADVERBS + "(?<task>.+)$");
    private static final Pattern SPEAKER_COMMITMENT = Pattern.compile(CLAUSE_START
            + "(?:I(?:'ll| will|'m going to| am going to|'m gonna| am gonna|'ll need to| need to| have to)"
            + "|(?i:let me)) " + FILLER_ADVERBS + "(?<task>.+)$");
    private static final Pattern REQUEST = Pattern.compile("^" + OWNER
            + ", (?i:please|could you|can you|would you|would you mind)(?: please)? (?<task>.+)$");
    private static final Pattern HYPOTHETICAL = Pattern.compile("\\b(?i:if|unless|whether|in case|would|could)\\b");
    private static final Set<String> NOT_NAMES = Set.of("I", "We", "You", "They", "He", "She", "It", "This", "That",
            "These", "Those", "There", "Here", "The", "A", "An", "Our", "My", "Your", "Their", "His", "Her", "Its",
            "Someone", "Somebody", "Everyone", "Everybody", "Nobody", "Anyone", "Anybody", "Who", "What", "Which",
            "When", "Where", "Why", "How", "If", "Then", "So", "And", "But", "Or", "Also", "Maybe", "Perhaps",
            "Probably", "Hopefully", "Okay", "OK", "Yes", "No", "Well", "Great", "Sure", "Right", "Now", "Today",
            "Tomorrow", "Next", "Let", "Let's", "Everything", "Nothing", "Something", "All", "Both", "Each", "One",
            "Team", "Thanks", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December");

    private ActionItemRules() {
    }

    static List<ExtractedItem> find(List<Sentence> sentences, LocalDate meetingDate) {
        List<ExtractedItem> items = new ArrayList<>();
        for (Sentence sentence : sentences) {
            match(sentence).ifPresent(found -> items.add(new ExtractedItem(found.task(), found.owner(),
                    DueDates.find(sentence.text(), meetingDate).orElse(null), List.of(sentence.sequence()))));
        }
        return Items.mergeRepeated(items);
    }

    static boolean isActionItem(Sentence sentence) {
        return match(sentence).isPresent();
    }

    private record Found(String owner, String task) {
    }

    private static Optional<Found> match(Sentence sentence) {
        String core = sentence.core();
        Matcher marker = MARKER.matcher(core);
        if (marker.matches()) {
            String rest = marker.group("rest");
            Optional<Found> stated = commitment(sentence, rest, false);
            return Optional.of(stated.orElseGet(() -> new Found(marker.group("markerOwner"), task(rest))));
        }
        Matcher request = REQUEST.matcher(core);
        if (request.matches() && isName(request.group("owner"))
                && ActionVerbs.startsWithActionVerb(request.group("task"))) {
            return Optional.of(new Found(request.group("owner"), task(request.group("task"))));
        }
        return sentence.isQuestion() ? Optional.empty() : commitment(sentence, core, true);
    }

    /** "Alice will ...", "I'll ..."; outside a marker the task must start with an action verb. */
    private static Optional<Found> commitment(Sentence sentence, String clause, boolean requireActionVerb) {
        Matcher named = NAMED_COMMITMENT.matcher(clause);
        if (named.find() && isName(named.group("owner")) && acceptable(clause, named, requireActionVerb)) {
            return Optional.of(new Found(named.group("owner"), task(named.group("task"))));
        }
        Matcher speaker = SPEAKER_COMMITMENT.matcher(clause);
        if (speaker.find() && acceptable(clause, speaker, requireActionVerb)) {
            return Optional.of(new Found(sentence.speaker(), task(speaker.group("task"))));
        }
        return Optional.empty();
    }

    private static boolean acceptable(String clause, Matcher commitment, boolean requireActionVerb) {
        boolean hypothetical = HYPOTHETICAL.matcher(clause.substring(0, commitment.start())).find();
        return !hypothetical && (!requireActionVerb || ActionVerbs.startsWithActionVerb(commitment.group("task")));
    }

    /** Every part of "Alice", "Alice Chen" or "Alice and Bob" must look like a name, not "The" or "Friday". */
    private static boolean isName(String owner) {
        for (String part : owner.split(",\\s*|\\s+and\\s+|\\s+")) {
            if (part.isEmpty() || NOT_NAMES.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static String task(String text) {
        return Sentence.capitalize(Sentence.trimEnd(text));
    }
}
