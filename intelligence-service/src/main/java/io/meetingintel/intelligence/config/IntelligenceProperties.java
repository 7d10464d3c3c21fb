package io.meetingintel.intelligence.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of intelligence-service (env vars in application.yml).
 *
 * @param notesEvery         running notes after this many new final chunks (INSIGHTS_NOTES_EVERY)
 * @param notesWindow        running notes cover this many latest chunks (INSIGHTS_NOTES_WINDOW)
 * @param settle             the transcript counts as complete after this long without a new chunk (INSIGHTS_SETTLE)
 * @param maxWait            post-meeting analysis runs at the latest this long after TRANSCRIBING (INSIGHTS_MAX_WAIT)
 * @param maxTranscriptChars longer transcripts are cut to this many characters, marked truncated
 *                           (INSIGHTS_MAX_TRANSCRIPT_CHARS)
 * @param templates          YAML file overriding the default templates, empty for none (INSIGHTS_TEMPLATES)
 * @param summarySentences   key sentences of an offline summary or running note (INSIGHTS_SUMMARY_SENTENCES)
 * @param engineAttempts     engine attempts of a post-meeting analysis before publishing what could be produced
 *                           (INSIGHTS_ENGINE_ATTEMPTS)
 * @param engineRetryDelay   wait between those attempts (INSIGHTS_ENGINE_RETRY_DELAY)
 */
@Validated
@ConfigurationProperties("intelligence")
public record IntelligenceProperties(
        @Min(1) int notesEvery,
        @Min(1) int notesWindow,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration settle,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration maxWait,
        @Min(1_000) int maxTranscriptChars,
        String templates,
        @Min(1) @Max(50) int summarySentences,
        @Min(1) int engineAttempts,
        @NotNull @DurationUnit(ChronoUnit.SECONDS) Duration engineRetryDelay) {
}
