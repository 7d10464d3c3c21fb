package io.meetingintel.bot.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of bot-service (application.yml maps each to an environment variable).
 *
 * @param provider          provider that runs new bots (BOT_PROVIDER)
 * @param joinLeadTime      how long before a meeting starts an auto-joined bot is sent in (BOT_JOIN_LEAD_TIME)
 * @param processingTimeout how long after TRANSCRIBING the insights may take before the bot fails
 *                          (BOT_PROCESSING_TIMEOUT)
 * @param ingestSecret      key of the bot tokens the pipeline verifies (BOT_INGEST_SECRET)
 */
@ConfigurationProperties("bot")
public record BotProperties(String provider, Duration joinLeadTime, Duration processingTimeout,
                            String ingestSecret, Simulated simulated) {

    /**
     * @param stepDelay         pause between the joining statuses (BOT_SIM_STEP_DELAY)
     * @param segmentDelay      pause between streamed transcript segments (BOT_SIM_SEGMENT_DELAY)
     * @param pipelineIngestUrl pipeline WebSocket base URL; the bot id is appended (PIPELINE_INGEST_URL)
     * @param replyTimeout      how long to wait for the pipeline's replies before ending the call
     */
    public record Simulated(Duration stepDelay, Duration segmentDelay, URI pipelineIngestUrl, Duration replyTimeout) {
    }
}
