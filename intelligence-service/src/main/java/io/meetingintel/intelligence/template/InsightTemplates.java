package io.meetingintel.intelligence.template;

import io.meetingintel.intelligence.engine.InsightTemplate;
import io.meetingintel.intelligence.engine.PrepTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The insight and preparation templates: the defaults in {@code insight-templates.yml} on the classpath, with any
 * template of an override file replacing the default of the same name. Layout:
 * <pre>
 * insights:            # summary, running_notes, action_items, decisions
 *   summary: {id, prompt, format}
 * prep:                # one per meeting type, "default" for the others
 *   default: {id, agenda: [..], questions: [..], background, format}
 * </pre>
 */
public final class InsightTemplates {

    public static final String SUMMARY = "summary";
    public static final String RUNNING_NOTES = "running_notes";
    public static final String ACTION_ITEMS = "action_items";
    public static final String DECISIONS = "decisions";
    private static final List<String> INSIGHT_KINDS = List.of(SUMMARY, RUNNING_NOTES, ACTION_ITEMS, DECISIONS);
    private static final String DEFAULT_PREP = "default";
    private static final String CLASSPATH_DEFAULTS = "/insight-templates.yml";

    private final Map<String, InsightTemplate> insights;
    private final Map<String, PrepTemplate> prep;

    private InsightTemplates(Map<String, InsightTemplate> insights, Map<String, PrepTemplate> prep) {
        this.insights = Map.copyOf(insights);
        this.prep = Map.copyOf(prep);
    }

    /** The classpath defaults, overridden by the templates of {@code overrideFile} when given. */
    public static InsightTemplates load(Path overrideFile) {
        Map<String, InsightTemplate> insights = new HashMap<>();
        Map<String, PrepTemplate> prep = new HashMap<>();
        try (InputStream defaults = InsightTemplates.class.getResourceAsStream(CLASSPATH_DEFAULTS)) {
            if (defaults == null) {
                throw new IllegalStateException("Missing " + CLASSPATH_DEFAULTS + " on the classpath");
            }
            read(defaults, CLASSPATH_DEFAULTS, insights, prep);
            if (overrideFile != null) {
                try (InputStream override = Files.newInputStream(overrideFile)) {
                    read(override, overrideFile.toString(), insights, prep);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read insight templates " + overrideFile, e);
        }
        for (String kind : INSIGHT_KINDS) {
            if (!insights.containsKey(kind)) {
                throw new IllegalStateException("No insight template for " + kind);
            }
        }
        if (!prep.containsKey(DEFAULT_PREP)) {
            throw new IllegalStateException("No default preparation template");
        }
        return new InsightTemplates(insights, prep);
    }

    /** @param kind one of {@link #SUMMARY}, {@link #RUNNING_NOTES}, {@link #ACTION_ITEMS}, {@link #DECISIONS} */
    public InsightTemplate insight(String kind) {
        InsightTemplate template = insights.get(kind);
        if (template == null) {
            throw new IllegalArgumentException("No insight template " + kind);
        }
        return template;
    }

    /** The template of the meeting type, or the default one. */
    public PrepTemplate prep(String meetingType) {
        return meetingType == null ? prep.get(DEFAULT_PREP) : prep.getOrDefault(meetingType, prep.get(DEFAULT_PREP));
    }

    private static void read(InputStream yaml, String source, Map<String, InsightTemplate> insights,
                             Map<String, PrepTemplate> prep) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> document)) {
            throw new IllegalStateException(source + ": expected a mapping with 'insights' and/or 'prep'");
        }
        mapping(document.get("insights"), source + " insights").forEach((name, value) -> {
            Map<String, Object> fields = mapping(value, source + " insights." + name);
            insights.put(name, new InsightTemplate(
                    text(fields, "id", source, name),
                    text(fields, "prompt", source, name),
                    text(fields, "format", source, name)));
        });
        mapping(document.get("prep"), source + " prep").forEach((name, value) -> {
            Map<String, Object> fields = mapping(value, source + " prep." + name);
            prep.put(name, new PrepTemplate(
                    text(fields, "id", source, name),
                    strings(fields.get("agenda"), source, name),
                    strings(fields.get("questions"), source, name),
                    text(fields, "background", source, name),
                    text(fields, "format", source, name)));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalStateException(where + ": expected a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> fields, String field, String source, String template) {
        Object value = fields.get(field);
        if (!(value instanceof String string) || string.isBlank()) {
            throw new IllegalStateException(source + ": template " + template + " needs a text '" + field + "'");
        }
        return string;
    }

    private static List<String> strings(Object value, String source, String template) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalStateException(source + ": template " + template + " needs lists of texts");
        }
        return list.stream().map(String.class::cast).toList();
    }
}
