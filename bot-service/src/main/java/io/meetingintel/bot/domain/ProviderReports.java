package io.meetingintel.bot.domain;

/**
 * What a bot provider reports about a bot's call (the provider-driven statuses of seed 003). Each report is
 * idempotent; the connecting/connected reports answer false when the bot no longer wants the call (it already
 * ended in ERROR, e.g. because it was asked to leave), so the provider stops.
 */
public interface ProviderReports {

    boolean connecting(String botId);

    boolean connected(String botId);

    /** The bot left the call (it ended, or the bot was asked to leave). */
    void callEnded(String botId, String reason);

    /** The provider could not run the bot. */
    void failed(String botId, String reason);
}
