package io.meetingintel.intelligence.engine;

import java.util.List;

/** What an engine produced: Markdown for people and structured items for machines. */
public record InsightDraft(String content, List<ExtractedItem> items) {

    public InsightDraft {
        items = List.copyOf(items);
    }
}
