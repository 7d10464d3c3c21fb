package io.meetingintel.pipeline.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the pipeline, under {@code pipeline}; application.yml maps each to an environment variable. */
@ConfigurationProperties("pipeline")
public record PipelineProperties(@DefaultValue Ingest ingest, @DefaultValue Transcript transcript,
                                 @DefaultValue Captions captions) {

    public static final String DEFAULT_INGEST_SECRET = "dev-bot-ingest-secret-change-me";

    /**
     * @param secret        HMAC key of the bot tokens (BOT_INGEST_SECRET)
     * @param maxFrameBytes largest text frame a bot may send (INGEST_MAX_FRAME_BYTES)
     */
    public record Ingest(@DefaultValue(DEFAULT_INGEST_SECRET) String secret,
                         @DefaultValue("65536") int maxFrameBytes) {
    }

    /**
     * @param inactivityTimeout an open session without any frame for this long is closed (TRANSCRIPT_INACTIVITY_TIMEOUT)
     * @param sweepInterval     how often idle sessions are looked for (TRANSCRIPT_SWEEP_INTERVAL)
     */
    public record Transcript(@DefaultValue("5m") Duration inactivityTimeout,
                             @DefaultValue("30s") Duration sweepInterval) {
    }

    /** @param allowedOrigins origins allowed to open a caption socket (CAPTIONS_ALLOWED_ORIGINS, comma separated) */
    public record Captions(@DefaultValue("*") List<String> allowedOrigins) {
    }
}
