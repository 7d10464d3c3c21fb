package io.meetingintel.bot.domain;

/** A user asked for another user's bot (seed 003 answers 403, not 404). */
public class BotAccessDeniedException extends RuntimeException {

    public BotAccessDeniedException(String botId) {
        super("Bot " + botId + " belongs to another user");
    }
}
