package io.meetingintel.bot.domain;

/**
 * A service that puts a bot into a call (simulated locally; Recall.ai- or Attendee-style APIs in production).
 * Providers work asynchronously and tell us what happened through {@link ProviderReports}.
 */
public interface BotProvider {

    /** Name stored on each bot it runs, e.g. "simulated". */
    String name();

    /** Sends the bot into its call; returns once the provider has accepted the request. */
    void join(Bot bot);

    /** Asks the bot to leave its call; the provider reports the end of the call when it has left. */
    void leave(Bot bot);
}
