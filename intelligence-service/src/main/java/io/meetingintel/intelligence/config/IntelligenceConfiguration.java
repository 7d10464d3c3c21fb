package io.meetingintel.intelligence.config;

import io.meetingintel.intelligence.engine.InsightEngine;
import io.meetingintel.intelligence.engine.offline.OfflineInsightEngine;
import io.meetingintel.intelligence.template.InsightTemplates;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(IntelligenceProperties.class)
public class IntelligenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntelligenceConfiguration.class);

    @Bean
    InsightTemplates insightTemplates(IntelligenceProperties properties) {
        boolean overridden = properties.templates() != null && !properties.templates().isBlank();
        InsightTemplates templates = InsightTemplates.load(overridden ? Path.of(properties.templates()) : null);
        log.info("Insight templates: defaults{}", overridden ? " overridden by " + properties.templates() : "");
        return templates;
    }

    /** The offline engine is the only one so far; an LLM engine will be chosen here by configuration. */
    @Bean
    InsightEngine insightEngine(IntelligenceProperties properties) {
        return new OfflineInsightEngine(properties.summarySentences());
    }
}
