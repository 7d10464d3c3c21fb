package io.meetingintel.calendar.api;

import io.meetingintel.calendar.sync.SyncedMeetingRepository;
import io.meetingintel.platform.web.CurrentUser;
import io.meetingintel.platform.web.Paging;
import io.meetingintel.platform.web.Problems;

import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The synced meetings (occurrences, cancelled ones included) of the calling user, by start time. */
@RestController
class MeetingController {

    private static final Instant NO_LOWER_BOUND = Instant.EPOCH;
    private static final Instant NO_UPPER_BOUND = Instant.parse("9999-12-31T00:00:00Z");

    private final SyncedMeetingRepository meetings;

    MeetingController(SyncedMeetingRepository meetings) {
        this.meetings = meetings;
    }

    /** @param from inclusive, ISO-8601 instant; @param to exclusive */
    @GetMapping("/api/calendar/meetings")
    Paging.Page<MeetingView> list(@CurrentUser String userId, @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Instant lower = from == null ? NO_LOWER_BOUND : from;
        Instant upper = to == null ? NO_UPPER_BOUND : to;
        if (!lower.isBefore(upper)) {
            throw Problems.badRequest("from must be before to");
        }
        return paging.page(meetings.findPage(userId, lower, upper, paging.offset(), paging.size()).stream()
                .map(MeetingView::of).toList(), meetings.count(userId, lower, upper));
    }
}
