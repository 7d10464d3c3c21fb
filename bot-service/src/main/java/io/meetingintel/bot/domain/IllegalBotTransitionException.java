package io.meetingintel.bot.domain;

/** A status change the bot status machine does not allow (e.g. DONE -> CONNECTING, or skipping a status). */
public class IllegalBotTransitionException extends RuntimeException {

    private final String botId;
    private final BotStatus from;
    private final BotStatus to;

    public IllegalBotTransitionException(String botId, BotStatus from, BotStatus to) {
        super("Bot " + botId + " cannot move from " + from + " to " + to);
        this.botId = botId;
        this.from = from;
        this.to = to;
    }

    public String botId() {
        return botId;
    }

    public BotStatus from() {
        return from;
    }

    public BotStatus to() {
        return to;
    }
}
