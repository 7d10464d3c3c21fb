package io.meetingintel.intelligence.prep;

import io.meetingintel.events.Attendee;
import io.meetingintel.events.EventMetadata;
import io.meetingintel.events.InsightKind;
import io.meetingintel.events.MeetingRequiresPrep;
import io.meetingintel.intelligence.engine.InsightDraft;
import io.meetingintel.intelligence.engine.InsightEngine;
import io.meetingintel.intelligence.engine.MeetingFacts;
import io.meetingintel.intelligence.engine.PrepTemplate;
import io.meetingintel.intelligence.insight.DegradedDrafts;
import io.meetingintel.intelligence.insight.InsightPublisher;
import io.meetingintel.intelligence.insight.NewInsight;
import io.meetingintel.intelligence.meeting.MeetingRepository;
import io.meetingintel.intelligence.template.InsightTemplates;
import io.meetingintel.platform.consumer.InvalidEventException;
import io.meetingintel.platform.metadata.EventMetadataFactory;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Preparation materials when a meeting's prep time comes: agenda, questions and background from the meeting type's
 * template and the meeting's title, attendees and description. Published once per meeting version.
 */
@Component
public class PrepMaterials {

    private static final Logger log = LoggerFactory.getLogger(PrepMaterials.class);

    private final MeetingRepository meetings;
    private final InsightEngine engine;
    private final InsightTemplates templates;
    private final InsightPublisher publisher;

    public PrepMaterials(MeetingRepository meetings, InsightEngine engine, InsightTemplates templates,
                         InsightPublisher publisher) {
        this.meetings = meetings;
        this.engine = engine;
        this.templates = templates;
        this.publisher = publisher;
    }

    /** Runs inside the inbox transaction of the event. */
    public void prepare(MeetingRequiresPrep event) {
        String meetingId = event.getMeetingId();
        if (meetingId.isBlank() || event.getTitle() == null) {
            throw new InvalidEventException("MeetingRequiresPrep needs a meeting id and a title");
        }
        EventMetadata metadata = EventMetadataFactory.metadataOf(event);
        meetings.ensure(meetingId, metadata.getUserId());
        String owner = meetings.ownerOf(meetingId).orElseThrow(() -> new InvalidEventException(
                "MeetingRequiresPrep of meeting " + meetingId + " names no user and the meeting's owner is unknown"));
        meetings.recordPrepFacts(meetingId, event.getTitle(), event.getDescription(), event.getMeetingType(),
                people(event.getAttendees()), event.getStartTime());
        MeetingFacts facts = meetings.facts(meetingId);
        PrepTemplate template = templates.prep(event.getMeetingType());
        InsightDraft draft;
        String error = null;
        try {
            draft = engine.prepare(facts, template);
        } catch (RuntimeException e) {
            log.error("Preparation materials of meeting {} failed; publishing what could be produced", meetingId, e);
            error = DegradedDrafts.describe(e);
            draft = DegradedDrafts.unavailable(InsightKind.PREP_MATERIALS, facts.titleOrDefault(), e,
                    "Attendees: " + facts.attendees().stream().map(MeetingFacts.Person::label).toList() + ".");
        }
        publisher.publish(new NewInsight(meetingId, owner, InsightKind.PREP_MATERIALS, draft, engine.name(), template.id(), false, null, true,
                event.getMeetingVersion(), error, metadata.getCorrelationId()));
    }

    private static List<MeetingFacts.Person> people(List<Attendee> attendees) {
        return attendees.stream()
                .map(attendee -> new MeetingFacts.Person(attendee.getDisplayName(), attendee.getEmail(),
                        attendee.getOrganizer()))
                .toList();
    }
}
