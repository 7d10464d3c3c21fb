package io.meetingintel.pipeline.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Pipeline settings and the scheduling of the transcript inactivity sweep. */
@Configuration
@EnableConfigurationProperties(PipelineProperties.class)
@EnableScheduling
class PipelineConfiguration {
}
