package io.meetingintel.meeting.lifecycle;

import io.meetingintel.meeting.domain.MeetingStatus;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Moves a stored meeting forward to a status, recording it in the history; never backwards. */
@Component
public class StatusTransitions {

    private static final Logger log = LoggerFactory.getLogger(StatusTransitions.class);

    private final MeetingRepository meetings;
    private final Clock clock;

    public StatusTransitions(MeetingRepository meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    @Transactional
    public void advance(String meetingId, MeetingStatus target, String reason) {
        var meeting = meetings.findForUpdate(meetingId);
        if (meeting.isEmpty()) {
            log.warn("Meeting {} is unknown; cannot move it to {} ({})", meetingId, target.code(), reason);
            return;
        }
        MeetingStatus current = meeting.get().status();
        if (!current.canAdvanceTo(target)) {
            log.info("Meeting {} stays {}: {} would not move it forward ({})", meetingId, current.code(),
                    target.code(), reason);
            return;
        }
        meetings.changeStatus(meetingId, target, clock.instant(), reason);
        log.info("Meeting {} {} -> {} ({})", meetingId, current.code(), target.code(), reason);
    }
}
