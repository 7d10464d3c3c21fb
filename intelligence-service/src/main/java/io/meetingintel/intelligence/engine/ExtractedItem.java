package io.meetingintel.intelligence.engine;

import java.time.LocalDate;
import java.util.List;

/** An action item, decision or preparation point, with the transcript sequences it came from. */
public record ExtractedItem(String text, String owner, LocalDate dueDate, List<Long> sourceSequences) {

    public ExtractedItem {
        sourceSequences = List.copyOf(sourceSequences);
    }

    public static ExtractedItem of(String text) {
        return new ExtractedItem(text, null, null, List.of());
    }
}
