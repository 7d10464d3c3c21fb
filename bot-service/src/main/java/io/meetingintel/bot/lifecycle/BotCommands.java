package io.meetingintel.bot.lifecycle;

import io.meetingintel.bot.domain.Bot;
import io.meetingintel.bot.domain.BotAccessDeniedException;
import io.meetingintel.bot.domain.BotStatus;
import io.meetingintel.bot.domain.MeetingLink;
import io.meetingintel.bot.store.BotRepository;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What users and the auto-join policy do with bots: create them, look at their own, send them in, ask them out. */
@Service
public class BotCommands {

    private static final Logger log = LoggerFactory.getLogger(BotCommands.class);

    private final BotLifecycle lifecycle;
    private final BotRepository bots;
    private final BotProviders providers;

    public BotCommands(BotLifecycle lifecycle, BotRepository bots, BotProviders providers) {
        this.lifecycle = lifecycle;
        this.bots = bots;
        this.providers = providers;
    }

    /**
     * @throws io.meetingintel.bot.domain.InvalidMeetingUrlException when the URL is not joinable
     * @throws io.meetingintel.bot.domain.LiveBotExistsException     when the meeting already has a live bot
     */
    public Bot create(String userId, String meetingUrl, String meetingId) {
        return lifecycle.create(new NewBot(userId, meetingId, MeetingLink.parse(meetingUrl), null));
    }

    /** The user's bot; another user's bot is refused with 403 semantics (seed 003). */
    public Bot getOwned(String userId, String botId) {
        Bot bot = lifecycle.get(botId);
        if (!bot.userId().equals(userId)) {
            throw new BotAccessDeniedException(botId);
        }
        return bot;
    }

    /** The user's bots, newest first, optionally only those in one status. */
    public List<Bot> list(String userId, BotStatus status, long offset, int limit) {
        return bots.findByUser(userId, status, offset, limit);
    }

    public long count(String userId, BotStatus status) {
        return bots.countByUser(userId, status);
    }

    /** Idempotent: a bot that has already left (or never will join) is returned unchanged. */
    public Bot leave(String userId, String botId) {
        Bot bot = getOwned(userId, botId);
        leave(bot, "asked to leave by the user");
        return lifecycle.get(botId);
    }

    /**
     * Asks a live bot to leave. A bot that has not started joining simply ends in ERROR; one joining or in the call
     * is asked through its provider (after the surrounding transaction commits, if any), which then reports the end
     * of the call.
     */
    public void leave(Bot bot, String reason) {
        switch (bot.status()) {
            case INITIALIZED -> lifecycle.callEnded(bot.id(), reason);
            case CONNECTING, CONNECTED -> {
                log.info("Asking provider {} to take bot {} out of meeting {}: {}", bot.provider(), bot.id(),
                        bot.meetingId(), reason);
                afterCommit(() -> providers.get(bot.provider()).leave(bot));
            }
            default -> log.debug("Bot {} is {}; leave ({}) changes nothing", bot.id(), bot.status(), reason);
        }
    }

    /** Runs the JOIN job: hands a new bot to its provider. */
    public void join(String botId) {
        Bot bot = lifecycle.get(botId);
        if (bot.status() != BotStatus.INITIALIZED) {
            log.info("Bot {} is {}; not sending it into the call again", botId, bot.status());
            return;
        }
        providers.get(bot.provider()).join(bot);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
