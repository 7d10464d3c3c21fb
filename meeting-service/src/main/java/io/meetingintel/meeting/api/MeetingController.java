package io.meetingintel.meeting.api;

import io.meetingintel.meeting.api.MeetingView.BotView;
import io.meetingintel.meeting.api.MeetingView.InsightView;
import io.meetingintel.meeting.api.MeetingView.StatusChangeView;
import io.meetingintel.meeting.domain.MeetingStatus;
import io.meetingintel.meeting.lifecycle.MeetingFilter;
import io.meetingintel.meeting.lifecycle.MeetingRepository;
import io.meetingintel.meeting.reports.InsightEntry;
import io.meetingintel.meeting.reports.InsightSection;
import io.meetingintel.meeting.reports.MeetingReports;
import io.meetingintel.meeting.reports.ReportedInsight;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's meetings: the list (filtered, paginated, by start time) and the full view of one meeting. */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private static final int MAX_PAGE_SIZE = 200;

    private final MeetingRepository meetings;
    private final MeetingReports reports;

    MeetingController(MeetingRepository meetings, MeetingReports reports) {
        this.meetings = meetings;
        this.reports = reports;
    }

    @GetMapping
    PageResponse<MeetingResponse> list(CurrentUser user,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) Instant from,
                                       @RequestParam(required = false) Instant to,
                                       @RequestParam(required = false) String type,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw badRequest("page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        var filter = new MeetingFilter(status == null || status.isBlank() ? null : parseStatus(status), from, to,
                type == null || type.isBlank() ? null : type);
        var items = meetings.findOwnedBy(user.id(), filter, page * size, size).stream()
                .map(MeetingResponse::of).toList();
        return new PageResponse<>(items, page, size, meetings.countOwnedBy(user.id(), filter));
    }

    @GetMapping("/{id}")
    MeetingView get(CurrentUser user, @PathVariable String id) {
        var meeting = meetings.findOwnedBy(user.id(), id).orElseThrow(() -> {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No meeting " + id);
            problem.setTitle("Meeting not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
        var insights = reports.insights(id);
        return new MeetingView(MeetingResponse.of(meeting),
                meetings.statusHistory(id).stream().map(StatusChangeView::of).toList(),
                reports.latestBotStatus(id).map(BotView::of).orElse(null),
                insights.containsKey(InsightSection.PREP_MATERIALS)
                        ? InsightView.of(insights.get(InsightSection.PREP_MATERIALS)) : null,
                insights.containsKey(InsightSection.SUMMARY) ? InsightView.of(insights.get(InsightSection.SUMMARY))
                        : null,
                items(insights.get(InsightSection.ACTION_ITEMS)),
                items(insights.get(InsightSection.DECISIONS)));
    }

    private static List<InsightEntry> items(ReportedInsight insight) {
        return insight == null ? List.of() : insight.items();
    }

    private static MeetingStatus parseStatus(String status) {
        try {
            return MeetingStatus.fromCode(status);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static ErrorResponseException badRequest(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
