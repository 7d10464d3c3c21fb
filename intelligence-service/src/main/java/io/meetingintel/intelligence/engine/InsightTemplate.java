package io.meetingintel.intelligence.engine;

/**
 * Template of one insight kind. {@code prompt} is the instruction an LLM engine sends (with $transcript and the
 * meeting variables); {@code format} lays out the result as Markdown ($key_points, $items, ...). Both use $variables
 * substituted safely (see {@link io.meetingintel.intelligence.template.SafeTemplate}).
 */
public record InsightTemplate(String id, String prompt, String format) {
}
