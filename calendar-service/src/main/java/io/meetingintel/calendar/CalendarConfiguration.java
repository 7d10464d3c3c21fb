package io.meetingintel.calendar;

import io.meetingintel.calendar.classify.MeetingClassifier;
import io.meetingintel.calendar.classify.MeetingTypeRulesLoader;
import io.meetingintel.calendar.feed.FeedFetcher;
import io.meetingintel.calendar.feed.IcsParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);
    private static final String BUNDLED_RULES = "meeting-types.yml";

    @Bean
    MeetingClassifier meetingClassifier(CalendarProperties properties) {
        MeetingClassifier classifier;
        String origin;
        try {
            if (properties.meetingTypes() == null || properties.meetingTypes().isBlank()) {
                origin = "classpath:" + BUNDLED_RULES;
                classifier = MeetingTypeRulesLoader.load(new ClassPathResource(BUNDLED_RULES).getInputStream(), origin);
            } else {
                origin = properties.meetingTypes();
                classifier = MeetingTypeRulesLoader.load(Files.newInputStream(Path.of(origin)), origin);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Meeting type rules cannot be read: " + e.getMessage(), e);
        }
        log.info("Loaded {} meeting type rules from {}", classifier.rules().size(), origin);
        return classifier;
    }

    @Bean
    IcsParser icsParser() {
        return new IcsParser();
    }

    @Bean
    FeedFetcher feedFetcher(ResourceLoader resourceLoader) {
        return new FeedFetcher(resourceLoader);
    }
}
