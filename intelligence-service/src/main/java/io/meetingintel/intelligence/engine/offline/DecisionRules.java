package io.meetingintel.intelligence.engine.offline;

import io.meetingintel.intelligence.engine.ExtractedItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds decisions:
 * <ul>
 * <li>a marker: "Decision: ...", "Decided: ...", "Agreed: ...", "Final decision: ..." (the text after it);</li>
 * <li>a statement: "we decided / we've decided / we have decided ...", "we agreed ... / we all agree to|that|on ...",
 * "the decision is ...", "it's decided ...", "let's go with / go ahead with / move forward with / proceed with /
 * stick with ...", "we're going with / we'll go with / we settled on ..." (the sentence without leading fillers).</li>
 * </ul>
 * Questions, negations ("we haven't decided", "we never agreed" do not match the patterns) and hypotheticals ("if we
 * decided to ...", "should we go with ...") are not decisions.
 */
final class DecisionRules {

    private static final Pattern MARKER = Pattern.compile(
            "^(?i:decision|decided|agreed|final decision|resolution)\\s*[:\\-–—]\\s*(?<rest>.+)$");
    private static final Pattern STATEMENT = Pattern.compile("(?i)\\b(?:"
            + "we(?:'ve| have)? (?:all |both )?(?:decided|agreed)\\b"
            + "|we (?:all |both )?agree (?:to|that|on)\\b"
            + "|(?:the|our) (?:final )?decision is\\b"
            + "|it(?:'s| is) decided\\b"
            + "|let's (?:go with|go ahead with|move forward with|proceed with|stick with)\\b"
            + "|we(?:'re| are) going (?:to go )?with\\b"
            + "|we(?:'ll| will) go with\\b"
            + "|we settled on\\b)");
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "(?i)\\b(?:if|unless|whether|once|until|should|could|would|did|do|maybe|before)\\b");

    /** "Yes, we agreed." alone says nothing about what was decided. */
    private static final int MIN_WORDS = 4;

    private DecisionRules() {
    }

    static List<ExtractedItem> find(List<Sentence> sentences) {
        List<ExtractedItem> decisions = new ArrayList<>();
        for (Sentence sentence : sentences) {
            decision(sentence).ifPresent(text -> decisions.add(new ExtractedItem(text, null, null,
                    List.of(sentence.sequence()))));
        }
        return Items.mergeRepeated(decisions);
    }

    static boolean isDecision(Sentence sentence) {
        return decision(sentence).isPresent();
    }

    private static Optional<String> decision(Sentence sentence) {
        if (sentence.isQuestion()) {
            return Optional.empty();
        }
        String core = sentence.core();
        Matcher marker = MARKER.matcher(core);
        Matcher statement = STATEMENT.matcher(core);
        String text = null;
        if (marker.matches()) {
            text = marker.group("rest");
        } else if (statement.find() && !HYPOTHETICAL.matcher(core.substring(0, statement.start())).find()) {
            text = core;
        }
        return text == null || text.split("\\s+").length < MIN_WORDS
                ? Optional.empty()
                : Optional.of(Sentence.capitalize(Sentence.trimEnd(text)));
    }
}
