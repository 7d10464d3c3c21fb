package io.meetingintel.intelligence.engine.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Extractive summary: picks the sentences that best represent the transcript. A sentence scores the mean frequency of
 * its content words (stop words and the speakers' names left out, frequencies relative to the most frequent word),
 * plus a bonus for the opening of the meeting (where the purpose is usually stated) and a smaller one for sentences
 * stating a decision or an action item. Sentences of fewer than {@value #MIN_WORDS} words and questions are not
 * candidates, nor is a sentence that mostly repeats one already chosen (a recap). The chosen ones are returned in
 * transcript order.
 */
final class KeySentences {

    private static final int MIN_WORDS = 6;
    private static final double OPENING_BONUS = 0.2;
    private static final double OUTCOME_BONUS = 0.1;
    /** Content words two sentences may share (Jaccard) before the lower-ranked one counts as a repetition. */
    private static final double MAX_OVERLAP = 0.5;
    private static final Set<String> STOP_WORDS = Set.of("a", "about", "above", "after", "again", "all", "also", "am",
            "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
            "both", "but", "by", "can", "could", "did", "do", "does", "doing", "don't", "down", "during", "each",
            "few", "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her", "here",
            "hers", "him", "his", "how", "i", "i'll", "i'm", "i've", "if", "in", "into", "is", "it", "it's", "its",
            "just", "let's", "like", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "ok",
            "okay", "on", "once", "one", "only", "or", "other", "our", "ours", "out", "over", "own", "really",
            "right", "same", "she", "should", "so", "some", "such", "sure", "than", "that", "that's", "the",
            "their", "them", "then", "there", "these", "they", "think", "this", "those", "through", "to", "too",
            "um", "uh", "under", "until", "up", "very", "was", "we", "we'll", "we're", "we've", "well", "were",
            "what", "when", "where", "which", "while", "who", "why", "will", "with", "would", "yeah", "yes", "you",
            "you're", "your", "going", "know", "want", "need", "thing", "things", "lot", "great", "good", "morning",
            "everyone", "thanks", "thank", "joining", "hello", "welcome", "meeting", "sorry");

    private KeySentences() {
    }

    /**
     * @param outcomes sentences that state decisions or action items (they get a bonus)
     */
    static List<Sentence> pick(List<Sentence> sentences, int count, Set<Sentence> outcomes) {
        Set<String> names = new HashSet<>();
        sentences.forEach(sentence -> names.addAll(words(sentence.speaker())));
        Map<String, Integer> frequencies = new HashMap<>();
        sentences.forEach(sentence -> contentWords(sentence.text(), names)
                .forEach(word -> frequencies.merge(word, 1, Integer::sum)));
        int highest = frequencies.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int openingEnd = Math.max(2, sentences.size() / 10);
        List<Sentence> candidates = sentences.stream()
                .filter(sentence -> !sentence.isQuestion() && sentence.text().split("\\s+").length >= MIN_WORDS)
                .toList();
        Map<Sentence, Double> scores = new HashMap<>();
        for (Sentence sentence : candidates) {
            double score = contentWords(sentence.text(), names).stream()
                    .mapToDouble(word -> (double) frequencies.get(word) / highest).average().orElse(0);
            if (sentence.position() < openingEnd) {
                score += OPENING_BONUS;
            }
            if (outcomes.contains(sentence)) {
                score += OUTCOME_BONUS;
            }
            scores.put(sentence, score);
        }
        List<Sentence> ranked = candidates.stream()
                .sorted(Comparator.<Sentence>comparingDouble(scores::get).reversed()
                        .thenComparingInt(Sentence::position))
                .toList();
        List<Sentence> picked = new ArrayList<>();
        for (Sentence sentence : ranked) {
            if (picked.size() == count) {
                break;
            }
            Set<String> words = new HashSet<>(contentWords(sentence.text(), names));
            if (picked.stream().noneMatch(chosen -> overlap(words,
                    new HashSet<>(contentWords(chosen.text(), names))) > MAX_OVERLAP)) {
                picked.add(sentence);
            }
        }
        picked.sort(Comparator.comparingInt(Sentence::position));
        return picked;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long common = a.stream().filter(b::contains).count();
        return (double) common / (a.size() + b.size() - common);
    }

    private static List<String> contentWords(String text, Set<String> names) {
        return words(text).stream()
                .filter(word -> word.length() > 2 && !STOP_WORDS.contains(word) && !names.contains(word))
                .toList();
    }

    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9']+"));
    }
}
