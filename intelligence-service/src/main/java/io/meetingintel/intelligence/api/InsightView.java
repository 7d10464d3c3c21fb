package io.meetingintel.intelligence.api;

import io.meetingintel.intelligence.insight.StoredInsight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An insight as the REST API shows it. */
public record InsightView(String insightId, String meetingId, String kind, String content, List<Item> items,
                          String engine, String templateId, boolean truncated, Long transcriptThroughSequence,
                          boolean finalInsight, String engineError, Instant createdAt) {

    public record Item(String text, String owner, LocalDate dueDate, List<Long> sourceSequences) {
    }

    static InsightView of(StoredInsight insight) {
        return new InsightView(insight.insightId(), insight.meetingId(), insight.kind().name(), insight.content(),
                insight.items().stream().map(item -> new Item(item.text(), item.owner(), item.dueDate(),
                        item.sourceSequences())).toList(),
                insight.engine(), insight.templateId(), insight.truncated(), insight.transcriptThroughSequence(),
                insight.finalInsight(), insight.engineError(), insight.createdAt());
    }
}
