package io.meetingintel.meeting.prep;

import io.meetingintel.meeting.domain.PrepStatus;
import io.meetingintel.meeting.lifecycle.MeetingRepository;

import io.meetingintel.meeting.reports.InsightSection;
import io.meetingintel.meeting.reports.MeetingReports;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prep workflow of a meeting: not_started -> notified (calendar-service says prep is due; the owner gets a
 * notification) -> completed (intelligence-service delivered the prep materials). Never moves backwards. A signal
 * that arrives before the meeting itself is kept and applied when the meeting is discovered.
 */
@Service
public class PrepWorkflow {

    private static final Logger log = LoggerFactory.getLogger(PrepWorkflow.class);

    private final MeetingRepository meetings;
    private final PrepNotifications notifications;
    private final MeetingReports reports;
    private final JdbcClient jdbc;

    public PrepWorkflow(MeetingRepository meetings, PrepNotifications notifications, MeetingReports reports,
                        JdbcClient jdbc) {
        this.meetings = meetings;
        this.notifications = notifications;
        this.reports = reports;
        this.jdbc = jdbc;
    }

    @Transactional
    public void onPrepRequired(String meetingId, long meetingVersion, Instant requestedAt) {
        jdbc.sql("INSERT INTO meeting_prep_request (meeting_id, meeting_version, requested_at) VALUES (?, ?, ?) "
                        + "ON CONFLICT (meeting_id) DO NOTHING")
                .params(meetingId, meetingVersion, Timestamp.from(requestedAt)).update();
        advance(meetingId, PrepStatus.NOTIFIED);
    }

    /** Called once the prep materials of the meeting are stored. */
    @Transactional
    public void onPrepMaterials(String meetingId) {
        advance(meetingId, PrepStatus.COMPLETED);
    }

    /** Applies the prep signals that arrived before the meeting was discovered. */
    @Transactional
    public void catchUp(String meetingId) {
        boolean materials = reports.findInsight(meetingId, InsightSection.PREP_MATERIALS).isPresent();
        boolean requested = jdbc.sql("SELECT count(*) FROM meeting_prep_request WHERE meeting_id = ?")
                .params(meetingId).query(Long.class).single() > 0;
        if (materials) {
            advance(meetingId, PrepStatus.COMPLETED);
        } else if (requested) {
            advance(meetingId, PrepStatus.NOTIFIED);
        }
    }

    private void advance(String meetingId, PrepStatus target) {
        var meeting = meetings.findForUpdate(meetingId);
        if (meeting.isEmpty()) {
            log.info("Prep of meeting {} is {} but the meeting is not known yet; applied when it is discovered",
                    meetingId, target.code());
            return;
        }
        PrepStatus current = meeting.get().prepStatus();
        if (!current.canAdvanceTo(target)) {
            log.info("Prep of meeting {} stays {} (ignored {})", meetingId, current.code(), target.code());
            return;
        }
        meetings.changePrepStatus(meetingId, target);
        log.info("Prep of meeting {} {} -> {}", meetingId, current.code(), target.code());
        if (target == PrepStatus.NOTIFIED) {
            notifications.schedule(meetingId);
        }
    }
}
