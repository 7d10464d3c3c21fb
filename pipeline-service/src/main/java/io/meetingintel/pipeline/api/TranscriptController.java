package io.meetingintel.pipeline.api;

import io.meetingintel.pipeline.session.SessionRepository;
import io.meetingintel.pipeline.transcript.MeetingRepository;
import io.meetingintel.pipeline.transcript.MeetingTranscript;
import io.meetingintel.pipeline.transcript.SegmentRepository;
import io.meetingintel.pipeline.transcript.StoredSegment;
import io.meetingintel.platform.web.CurrentUser;
import io.meetingintel.platform.web.Problems;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A meeting's final transcript in sequence order, paged by sequence ({@code afterSequence} exclusive, then
 * {@code nextAfterSequence} for the next page). Only the meeting's owner sees it; anyone else gets 404.
 */
@RestController
class TranscriptController {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    private final MeetingRepository meetings;
    private final SegmentRepository segments;
    private final SessionRepository sessions;

    TranscriptController(MeetingRepository meetings, SegmentRepository segments, SessionRepository sessions) {
        this.meetings = meetings;
        this.segments = segments;
        this.sessions = sessions;
    }

    @GetMapping("/api/transcripts/{meetingId}")
    TranscriptView transcript(@CurrentUser String userId, @PathVariable String meetingId,
                              @RequestParam(defaultValue = "0") long afterSequence,
                              @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (afterSequence < 0) {
            throw Problems.badRequest("afterSequence must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        MeetingTranscript meeting = meetings.find(meetingId)
                .filter(found -> found.ownedBy(userId))
                .orElseThrow(() -> Problems.notFound("No transcript for meeting " + meetingId));
        List<StoredSegment> page = segments.page(meeting.meetingId(), afterSequence, limit);
        long next = page.isEmpty() ? afterSequence : page.getLast().sequence();
        return new TranscriptView(meeting.meetingId(),
                sessions.statusOf(meeting.meetingId()).name().toLowerCase(Locale.ROOT), page, next);
    }

    /**
     * @param sessionStatus     "open" while a bot transcribes, "closed" once every session ended, "none" before any
     * @param nextAfterSequence pass as afterSequence to get the following segments (the same value when none came)
     */
    record TranscriptView(String meetingId, String sessionStatus, List<StoredSegment> segments,
                          long nextAfterSequence) {
    }
}
