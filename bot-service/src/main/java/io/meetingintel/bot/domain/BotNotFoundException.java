package io.meetingintel.bot.domain;

public class BotNotFoundException extends RuntimeException {

    public BotNotFoundException(String botId) {
        super("Bot " + botId + " not found");
    }
}
