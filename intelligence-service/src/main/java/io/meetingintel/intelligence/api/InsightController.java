package io.meetingintel.intelligence.api;

import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.insight.InsightRepository;
import io.meetingintel.intelligence.meeting.MeetingRepository;
import io.meetingintel.platform.web.CurrentUser;
import io.meetingintel.platform.web.Paging;
import io.meetingintel.platform.web.Problems;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insights of a meeting, for its owner only: another user's meeting, like an unknown one, is 404.
 */
@RestController
@RequestMapping("/api/insights")
class InsightController {

    private final MeetingRepository meetings;
    private final InsightRepository insights;

    InsightController(MeetingRepository meetings, InsightRepository insights) {
        this.meetings = meetings;
        this.insights = insights;
    }

    /** All insights of the meeting, oldest first. */
    @GetMapping("/{meetingId}")
    Paging.Page<InsightView> list(@CurrentUser String userId, @PathVariable String meetingId,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        requireOwnMeeting(userId, meetingId);
        Paging paging = Paging.of(page, size);
        return paging.page(insights.page(meetingId, paging.offset(), paging.size()).stream()
                .map(InsightView::of).toList(), insights.count(meetingId));
    }

    /** The latest insight of a kind (summary, action_items, decisions, running_notes, prep_materials). */
    @GetMapping("/{meetingId}/{kind}")
    InsightView latest(@CurrentUser String userId, @PathVariable String meetingId, @PathVariable String kind) {
        InsightKind insightKind = kind(kind);
        requireOwnMeeting(userId, meetingId);
        return insights.latest(meetingId, insightKind).map(InsightView::of).orElseThrow(() -> Problems.of(
                HttpStatus.NOT_FOUND, "No such insight", "Meeting " + meetingId + " has no " + insightKind + " yet"));
    }

    private void requireOwnMeeting(String userId, String meetingId) {
        if (!meetings.ownerOf(meetingId).map(userId::equals).orElse(false)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Meeting not found", "No meeting " + meetingId);
        }
    }

    private static InsightKind kind(String kind) {
        String name = kind.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(InsightKind.values()).filter(value -> value.name().equals(name)).findFirst()
                .orElseThrow(() -> Problems.of(HttpStatus.BAD_REQUEST, "Unknown insight kind", "Unknown kind '"
                        + kind + "'; one of " + Arrays.toString(InsightKind.values()).toLowerCase(Locale.ROOT)));
    }
}
