package io.meetingintel.bot.jobs;

/**
 * Names of bot-service's persistent jobs, scheduled through the platform's
 * {@link io.meetingintel.platform.scheduling.PersistentJobs}; each instance id is the id of its object.
 */
public final class BotJobs {

    /** Sends an auto-joined bot into its meeting; instance id = meeting id. */
    public static final String AUTO_JOIN = "bot-auto-join";
    /** Asks the provider to put a new bot into its call; instance id = bot id. */
    public static final String JOIN = "bot-join";
    /** Fails a bot whose insights did not arrive in time after TRANSCRIBING; instance id = bot id. */
    public static final String PROCESSING_TIMEOUT = "bot-processing-timeout";

    private BotJobs() {
    }
}
