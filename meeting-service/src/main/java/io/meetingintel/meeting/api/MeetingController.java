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
import io.meetingintel.platform.web.CurrentUser;
import io.meetingintel.platform.web.Paging;
import io.meetingintel.platform.web.Problems;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's meetings: the list (filtered, paginated, by start time) and the full view of one meeting. */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private final MeetingRepository meetings;
    private final MeetingReports reports;

    MeetingController(MeetingRepository meetings, MeetingReports reports) {
        this.meetings = meetings;
        this.reports = reports;
    }

    @GetMapping
    Paging.Page<MeetingResponse> list(@CurrentUser String userId,
                                      @RequestParam(required = false) String status,
                                      @RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        var filter = new MeetingFilter(status == null || status.isBlank() ? null : parseStatus(status), from, to,
                type == null || type.isBlank() ? null : type);
        var items = meetings.findOwnedBy(userId, filter, paging.offset(), paging.size()).stream()
                .map(MeetingResponse::of).toList();
        return paging.page(items, meetings.countOwnedBy(userId, filter));
    }

    @GetMapping("/{id}")
    MeetingView get(@CurrentUser String userId, @PathVariable String id) {
        var meeting = meetings.findOwnedBy(userId, id)
                .orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "Meeting not found", "No meeting " + id));
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
            throw Problems.badRequest(e.getMessage());
        }
    }
}
