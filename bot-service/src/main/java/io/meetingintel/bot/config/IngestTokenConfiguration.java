package io.meetingintel.bot.config;

import io.meetingintel.platform.security.BotIngestTokens;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key bots sign their pipeline ingestion tokens with (BOT_INGEST_SECRET, shared with pipeline-service). */
@Configuration(proxyBeanMethods = false)
class IngestTokenConfiguration {

    @Bean
    BotIngestTokens botIngestTokens(BotProperties properties) {
        return new BotIngestTokens(properties.ingestSecret());
    }
}
