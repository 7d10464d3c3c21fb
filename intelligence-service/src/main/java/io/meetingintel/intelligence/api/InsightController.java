package io.meetingintel.intelligence.api;

import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.insight.InsightRepository;
import io.meetingintel.intelligence.meeting.MeetingRepository;

import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insights of a meeting, for its owner only: another user's meeting, like an unknown one, is 404.
 */
@RestController
@RequestMapping("/api/insights")
class InsightController {

    static final String USER_HEADER = "X-User-Id";
    private static final int MAX_PAGE_SIZE = 200;

    private final MeetingRepository meetings;
    private final InsightRepository insights;

    InsightController(MeetingRepository meetings, InsightRepository insights) {
        this.meetings = meetings;
        this.insights = insights;
    }

    /** All insights of the meeting, oldest first. */
    @GetMapping("/{meetingId}")
    PageView<InsightView> list(@RequestHeader(name = USER_HEADER, required = false) String userId,
                               @PathVariable String meetingId,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "50") int size) {
        requireUser(userId);
        requireOwnMeeting(userId, meetingId);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid page",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        return new PageView<>(insights.page(meetingId, page, size).stream().map(InsightView::of).toList(), page, size,
                insights.count(meetingId));
    }

    /** The latest insight of a kind (summary, action_items, decisions, running_notes, prep_materials). */
    @GetMapping("/{meetingId}/{kind}")
    InsightView latest(@RequestHeader(name = USER_HEADER, required = false) String userId,
                       @PathVariable String meetingId, @PathVariable String kind) {
        requireUser(userId);
        InsightKind insightKind = kind(kind);
        requireOwnMeeting(userId, meetingId);
        return insights.latest(meetingId, insightKind).map(InsightView::of).orElseThrow(() -> problem(
                HttpStatus.NOT_FOUND, "No such insight", "Meeting " + meetingId + " has no " + insightKind + " yet"));
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw problem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "The " + USER_HEADER + " header is required");
        }
    }

    private void requireOwnMeeting(String userId, String meetingId) {
        if (!meetings.ownerOf(meetingId).map(userId::equals).orElse(false)) {
            throw problem(HttpStatus.NOT_FOUND, "Meeting not found", "No meeting " + meetingId);
        }
    }

    private static InsightKind kind(String kind) {
        String name = kind.toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(InsightKind.values()).filter(value -> value.name().equals(name)).findFirst()
                .orElseThrow(() -> problem(HttpStatus.BAD_REQUEST, "Unknown insight kind", "Unknown kind '" + kind
                        + "'; one of " + Arrays.toString(InsightKind.values()).toLowerCase(Locale.ROOT)));
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
