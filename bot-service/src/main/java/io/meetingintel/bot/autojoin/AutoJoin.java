package io.meetingintel.bot.autojoin;

import io.meetingintel.bot.config.BotProperties;
import io.meetingintel.bot.jobs.BotJobs;
import io.meetingintel.bot.lifecycle.BotCommands;
import io.meetingintel.bot.lifecycle.BotLifecycle;
import io.meetingintel.bot.lifecycle.NewBot;
import io.meetingintel.bot.store.BotRepository;
import io.meetingintel.events.MeetingChangeType;
import io.meetingintel.events.MeetingDiscovered;
import io.meetingintel.platform.metadata.EventMetadataFactory;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a bot into every discovered meeting with a conference link: schedules the join before the start, moves it
 * when the meeting moves, drops it (and asks a live bot to leave) when the meeting is cancelled. One auto-joined bot
 * per meeting.
 */
@Service
public class AutoJoin {

    private static final Logger log = LoggerFactory.getLogger(AutoJoin.class);

    private final MeetingRepository meetings;
    private final BotRepository bots;
    private final BotLifecycle lifecycle;
    private final BotCommands commands;
    private final PersistentJobs jobs;
    private final AutoJoinPolicy policy;
    private final Clock clock;

    public AutoJoin(MeetingRepository meetings, BotRepository bots, BotLifecycle lifecycle, BotCommands commands,
                    PersistentJobs jobs, BotProperties properties, Clock clock) {
        this.meetings = meetings;
        this.bots = bots;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.jobs = jobs;
        this.policy = new AutoJoinPolicy(properties.joinLeadTime());
        this.clock = clock;
    }

    /** Effects of one MeetingDiscovered; runs in the consumer's transaction. Stale versions change nothing. */
    public void onMeetingDiscovered(MeetingDiscovered event) {
        var metadata = EventMetadataFactory.metadataOf(event);
        var discovered = new CalendarMeeting(event.getMeetingId(), metadata.getUserId(), event.getVersion(),
                event.getTitle(), event.getStartTime(), event.getEndTime(), event.getConferenceUrl(),
                event.getChangeType() == MeetingChangeType.CANCELLED, metadata.getCorrelationId(), null);
        var stored = meetings.storeIfNewer(discovered, clock.instant());
        if (stored.isEmpty()) {
            log.info("Meeting {} version {} is not newer than the stored one; ignored", event.getMeetingId(),
                    event.getVersion());
            return;
        }
        CalendarMeeting meeting = stored.get();
        switch (policy.decide(meeting, clock.instant())) {
            case AutoJoinPolicy.Join join -> {
                if (meeting.autoJoinBotId() != null) {
                    log.info("Meeting {} v{} already has auto-joined bot {}; not scheduling another",
                            meeting.meetingId(), meeting.version(), meeting.autoJoinBotId());
                    return;
                }
                jobs.scheduleOrMove(BotJobs.AUTO_JOIN, meeting.meetingId(), join.at());
                log.info("Meeting {} v{} ({}): bot scheduled to join at {}", meeting.meetingId(), meeting.version(),
                        join.link().platform(), join.at());
            }
            case AutoJoinPolicy.Skip skip -> {
                jobs.cancel(BotJobs.AUTO_JOIN, meeting.meetingId());
                log.info("Meeting {} v{}: no bot ({})", meeting.meetingId(), meeting.version(), skip.reason());
                if (meeting.cancelled()) {
                    bots.findLiveByMeeting(meeting.meetingId())
                            .ifPresent(bot -> commands.leave(bot, "meeting cancelled"));
                }
            }
        }
    }

    /** Runs the AUTO_JOIN job: creates the bot if the meeting still wants one and has none. */
    @Transactional
    public void sendBot(String meetingId) {
        var found = meetings.lock(meetingId);
        if (found.isEmpty()) {
            log.warn("Auto-join job for unknown meeting {}; skipped", meetingId);
            return;
        }
        CalendarMeeting meeting = found.get();
        if (!(policy.decide(meeting, clock.instant()) instanceof AutoJoinPolicy.Join join)) {
            log.info("Meeting {} no longer wants a bot; auto-join skipped", meetingId);
            return;
        }
        if (meeting.autoJoinBotId() != null) {
            log.info("Meeting {} already has auto-joined bot {}", meetingId, meeting.autoJoinBotId());
            return;
        }
        if (bots.findLiveByMeeting(meetingId).isPresent()) {
            log.info("Meeting {} already has a live bot; auto-join skipped", meetingId);
            return;
        }
        // Should a user create one between the check and the insert, the unique index refuses ours and the job
        // is retried later, when the check above sees the user's bot.
        var bot = lifecycle.create(new NewBot(meeting.userId(), meetingId, join.link(), meeting.correlationId()));
        meetings.recordAutoJoinBot(meetingId, bot.id());
    }
}
