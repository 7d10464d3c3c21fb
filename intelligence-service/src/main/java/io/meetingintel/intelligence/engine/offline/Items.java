package io.meetingintel.intelligence.engine.offline;

import io.meetingintel.intelligence.engine.ExtractedItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Helpers shared by the extraction rules. */
final class Items {

    private Items() {
    }

    /**
     * Items stated more than once (a recap repeats the action items) become one, keeping the first wording, the first
     * owner and due date found, and every source sequence.
     */
    static List<ExtractedItem> mergeRepeated(List<ExtractedItem> items) {
        Map<String, ExtractedItem> merged = new LinkedHashMap<>();
        for (ExtractedItem item : items) {
            String key = Objects.toString(item.owner(), "").toLowerCase(Locale.ROOT) + "|" + normalized(item.text());
            merged.merge(key, item, (first, again) -> {
                List<Long> sequences = new ArrayList<>(first.sourceSequences());
                again.sourceSequences().stream().filter(sequence -> !sequences.contains(sequence))
                        .forEach(sequences::add);
                return new ExtractedItem(first.text(), first.owner(),
                        first.dueDate() != null ? first.dueDate() : again.dueDate(), sequences);
            });
        }
        return List.copyOf(merged.values());
    }

    static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
