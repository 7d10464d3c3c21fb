package io.meetingintel.pipeline.config;

import io.meetingintel.platform.security.BotIngestTokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Pipeline settings, the bot token verifier and the scheduling of the transcript inactivity sweep. */
@Configuration
@EnableConfigurationProperties(PipelineProperties.class)
@EnableScheduling
class PipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PipelineConfiguration.class);

    @Bean
    BotIngestTokens botIngestTokens(PipelineProperties properties) {
        String secret = properties.ingest().secret();
        if (PipelineProperties.DEFAULT_INGEST_SECRET.equals(secret)) {
            log.warn("BOT_INGEST_SECRET is the development default: set it before exposing the ingestion endpoint");
        }
        return new BotIngestTokens(secret);
    }
}
