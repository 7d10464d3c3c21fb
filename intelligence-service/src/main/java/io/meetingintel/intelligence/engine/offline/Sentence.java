package io.meetingintel.intelligence.engine.offline;

import io.meetingintel.intelligence.engine.TranscriptLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sentence of a transcript line, with who said it and the chunk it came from. */
record Sentence(long sequence, String speaker, String text, int position) {

    private static final Pattern BOUNDARY = Pattern.compile("[.!?]+[\"')\\]]*\\s+");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "e.g", "i.e", "etc",
            "vs", "approx", "no", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec");
    /** Discourse fillers in front of the part of a sentence that carries its meaning. */
    private static final Pattern LEADING_FILLERS = Pattern.compile(
            "^(?:(?i:okay|ok|so|alright|all right|right|well|great|good|perfect|yes|yeah|sure|and|also|then|"
                    + "cool|fine|thanks|thank you|now|oh|um|uh|anyway|in that case|in summary|to recap|finally)"
                    + "\\b[,.!]?\\s*)+");

    /** The sentences of all lines, numbered in transcript order. */
    static List<Sentence> of(List<TranscriptLine> lines) {
        List<Sentence> sentences = new ArrayList<>();
        for (TranscriptLine line : lines) {
            for (String text : split(line.text())) {
                sentences.add(new Sentence(line.sequence(), line.speakerOrUnknown(), text, sentences.size()));
            }
        }
        return sentences;
    }

    /** Splits after . ! ? when a new sentence starts, but not after abbreviations such as "Dec." or "e.g.". */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        Matcher boundary = BOUNDARY.matcher(text);
        int start = 0;
        while (boundary.find()) {
            int next = boundary.end();
            boolean startsSentence = next < text.length() && !Character.isLowerCase(text.charAt(next));
            if (startsSentence && !endsWithAbbreviation(text.substring(start, boundary.start() + 1))) {
                addIfNotBlank(parts, text.substring(start, boundary.end()));
                start = next;
            }
        }
        addIfNotBlank(parts, text.substring(start));
        return parts;
    }

    boolean isQuestion() {
        return text.endsWith("?");
    }

    /** The sentence without leading fillers ("Okay, so ...") and trailing punctuation. */
    String core() {
        return trimEnd(LEADING_FILLERS.matcher(text).replaceFirst(""));
    }

    static String trimEnd(String text) {
        return text.strip().replaceAll("[\\s.!?,;:]+$", "");
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean endsWithAbbreviation(String sentence) {
        if (!sentence.endsWith(".")) {
            return false;
        }
        String[] words = sentence.substring(0, sentence.length() - 1).strip().split("\\s+");
        return ABBREVIATIONS.contains(words[words.length - 1].toLowerCase(Locale.ROOT));
    }

    private static void addIfNotBlank(List<String> parts, String part) {
        if (!part.isBlank()) {
            parts.add(part.strip());
        }
    }
}
