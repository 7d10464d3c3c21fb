package io.meetingintel.bot.lifecycle;

import io.meetingintel.bot.config.BotProperties;
import io.meetingintel.bot.domain.Bot;
import io.meetingintel.bot.domain.BotNotFoundException;
import io.meetingintel.bot.domain.BotStatus;
import io.meetingintel.bot.domain.ProviderReports;
import io.meetingintel.bot.jobs.BotJobs;
import io.meetingintel.bot.store.BotRepository;
import io.meetingintel.platform.scheduling.PersistentJobs;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies bot status transitions: each one is checked by the status machine, stored with its history row and
 * published as BotStatusChanged in the same transaction. Transitions of one bot are serialised by a row lock.
 */
@Service
public class BotLifecycle implements ProviderReports {

    private static final Logger log = LoggerFactory.getLogger(BotLifecycle.class);
    private static final Set<BotStatus> PROCESSING = EnumSet.of(BotStatus.TRANSCRIBING, BotStatus.ANALYZING_MEETING,
            BotStatus.CREATING_TASKS);

    private final BotRepository bots;
    private final BotStatusEvents events;
    private final PersistentJobs jobs;
    private final BotProperties properties;
    private final Clock clock;

    public BotLifecycle(BotRepository bots, BotStatusEvents events, PersistentJobs jobs, BotProperties properties,
                        Clock clock) {
        this.bots = bots;
        this.events = events;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates the bot in INITIALIZED and schedules its join.
     *
     * @throws io.meetingintel.bot.domain.LiveBotExistsException when the meeting already has a live bot
     */
    @Transactional
    public Bot create(NewBot request) {
        String key = UUID.randomUUID().toString().replace("-", "");
        String meetingId = request.meetingId() == null ? "adhoc_" + key : request.meetingId();
        String correlationId = request.correlationId() == null ? UUID.randomUUID().toString() : request.correlationId();
        Bot bot = Bot.initialize("bot_" + key, request.userId(), meetingId, request.link(), properties.provider(),
                correlationId, clock.instant());
        bots.insert(bot);
        events.publishLatest(bot, correlationId);
        jobs.scheduleOrMove(BotJobs.JOIN, bot.id(), clock.instant());
        log.info("Bot {} created for meeting {} ({} via {}) of user {}", bot.id(), meetingId, bot.platform(),
                bot.provider(), bot.userId());
        return bot;
    }

    public Bot get(String botId) {
        return bots.findById(botId).orElseThrow(() -> new BotNotFoundException(botId));
    }

    @Override
    @Transactional
    public boolean connecting(String botId) {
        return providerReached(lock(botId), BotStatus.CONNECTING, "provider is joining the call");
    }

    @Override
    @Transactional
    public boolean connected(String botId) {
        return providerReached(lock(botId), BotStatus.CONNECTED, "bot joined the call");
    }

    /** In the call: the transcript is complete, processing starts. Before the call: the bot never joined. */
    @Override
    @Transactional
    public void callEnded(String botId, String reason) {
        Bot bot = lock(botId);
        switch (bot.status()) {
            case CONNECTED -> apply(bot, BotStatus.TRANSCRIBING, reason, null);
            case INITIALIZED, CONNECTING -> apply(bot, BotStatus.ERROR, "left before joining the call: " + reason, null);
            default -> log.debug("Bot {} reported call ended while {}; nothing to do", botId, bot.status());
        }
    }

    @Override
    @Transactional
    public void failed(String botId, String reason) {
        fail(lock(botId), reason);
    }

    /**
     * Moves a processing bot forward to {@code target}, walking through any status it skipped, each at most once.
     * Statuses the bot already passed, and bots not processing, are left alone.
     */
    @Transactional
    public void advanceProcessing(String botId, BotStatus target, String reason, String correlationId) {
        Bot bot = lock(botId);
        if (!PROCESSING.contains(bot.status())) {
            log.info("Bot {} is {}, not processing; progress '{}' ignored", botId, bot.status(), reason);
            return;
        }
        for (BotStatus step : bot.status().stepsTo(target)) {
            bot = apply(bot, step, step == target ? reason : "caught up (" + reason + ")", correlationId);
        }
    }

    /** The processing deadline passed: a bot still processing has waited too long for its insights. */
    @Transactional
    public void processingTimedOut(String botId) {
        Bot bot = lock(botId);
        if (PROCESSING.contains(bot.status())) {
            fail(bot, "no decisions from the intelligence service within " + properties.processingTimeout()
                    + " after the call ended");
        }
    }

    private void fail(Bot bot, String reason) {
        if (bot.status().isFinal()) {
            log.debug("Bot {} is already {}; failure '{}' ignored", bot.id(), bot.status(), reason);
            return;
        }
        apply(bot, BotStatus.ERROR, reason, null);
    }

    /** Walks a live bot up to a provider-reported status (repeated reports change nothing). */
    private boolean providerReached(Bot bot, BotStatus reported, String reason) {
        if (bot.status().isFinal()) {
            log.info("Provider reported {} for bot {} which is already {}", reported, bot.id(), bot.status());
            return false;
        }
        for (BotStatus step : bot.status().stepsTo(reported)) {
            bot = apply(bot, step, reason, null);
        }
        return true;
    }

    private Bot apply(Bot bot, BotStatus target, String reason, String correlationId) {
        Bot moved = bot.moveTo(target, reason, clock.instant());
        bots.saveTransition(moved);
        events.publishLatest(moved, correlationId);
        if (target == BotStatus.TRANSCRIBING) {
            jobs.scheduleOrMove(BotJobs.PROCESSING_TIMEOUT, bot.id(),
                    clock.instant().plus(properties.processingTimeout()));
        }
        if (target == BotStatus.ERROR) {
            log.warn("Bot {} of meeting {} moved {} -> ERROR (#{}): {}", bot.id(), bot.meetingId(), bot.status(),
                    moved.transition(), reason);
        } else {
            log.info("Bot {} of meeting {} moved {} -> {} (#{}): {}", bot.id(), bot.meetingId(), bot.status(), target,
                    moved.transition(), reason);
        }
        return moved;
    }

    private Bot lock(String botId) {
        return bots.lockById(botId).orElseThrow(() -> new BotNotFoundException(botId));
    }
}
