package io.meetingintel.intelligence.insight;

import io.meetingintel.events.InsightGenerated;
import io.meetingintel.events.InsightItem;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.outbox.OutboxWriter;
import io.meetingintel.schemas.Topics;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an insight and appends its InsightGenerated event to the outbox in the same transaction, so an insight is
 * published exactly when it is recorded, and a final insight of a kind at most once per meeting.
 */
@Component
public class InsightPublisher {

    private static final Logger log = LoggerFactory.getLogger(InsightPublisher.class);

    private final InsightRepository insights;
    private final OutboxWriter outbox;
    private final EventMetadataFactory metadata;

    public InsightPublisher(InsightRepository insights, OutboxWriter outbox, EventMetadataFactory metadata) {
        this.insights = insights;
        this.outbox = outbox;
        this.metadata = metadata;
    }

    /** @return false when the final insight existed already: nothing recorded, nothing published */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean publish(NewInsight insight) {
        String insightId = "ins_" + UUID.randomUUID();
        if (!insights.insert(insightId, insight)) {
            log.info("{} of meeting {} was already published; not publishing it again", insight.kind(),
                    insight.meetingId());
            return false;
        }
        outbox.append(Topics.INSIGHT_GENERATED, insight.meetingId(), InsightGenerated.newBuilder()
                .setMetadata(metadata.create(insight.userId(), insight.correlationId()))
                .setInsightId(insightId)
                .setMeetingId(insight.meetingId())
                .setKind(insight.kind())
                .setContent(insight.draft().content())
                .setItems(insight.draft().items().stream().map(item -> InsightItem.newBuilder()
                        .setText(item.text())
                        .setOwner(item.owner())
                        .setDueDate(item.dueDate())
                        .setSourceSequences(item.sourceSequences())
                        .build()).toList())
                .setEngine(insight.engine())
                .setTemplateId(insight.templateId())
                .setTruncated(insight.truncated())
                .setTranscriptThroughSequence(insight.transcriptThroughSequence())
                .setFinalInsight(insight.finalInsight())
                .build());
        log.info("Published {} {} of meeting {} ({} items, engine {}{}{})", insight.kind(), insightId,
                insight.meetingId(), insight.draft().items().size(), insight.engine(),
                insight.truncated() ? ", transcript truncated" : "",
                insight.engineError() != null ? ", degraded: " + insight.engineError() : "");
        return true;
    }
}
