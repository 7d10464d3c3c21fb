package io.meetingintel.calendar.classify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the meeting type rules (seed 001 format):
 * <pre>
 * meeting_types:
 *   qbr:
 *     keywords: ["QBR", "quarterly business review"]
 *     required_attendees_min: 20
 *     prep_hours_before: 336
 * default_type:            # optional; "general" with 24 hours when absent
 *   name: general
 *   prep_hours_before: 24
 * </pre>
 * A bad file fails the start: a service that would silently classify everything as the default is worse.
 */
public final class MeetingTypeRulesLoader {

    static final Classification FALLBACK_DEFAULT = new Classification("general", 24);
    private static final int DEFAULT_PREP_HOURS = 24;

    private MeetingTypeRulesLoader() {
    }

    public static MeetingClassifier load(InputStream yaml, String origin) {
        Object document;
        try (yaml) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Meeting type rules " + origin + " are not valid YAML: " + e.getMessage(), e);
        }
        Map<?, ?> root = map(document, origin, "the document");
        List<MeetingTypeRule> rules = new ArrayList<>();
        map(root.get("meeting_types"), origin, "meeting_types").forEach((name, value) -> {
            Map<?, ?> rule = value == null ? Map.of() : map(value, origin, "meeting_types." + name);
            rules.add(new MeetingTypeRule(String.valueOf(name), keywords(rule.get("keywords"), origin, name),
                    integer(rule.get("required_attendees_min"), origin, name + ".required_attendees_min"),
                    integer(rule.get("required_attendees_max"), origin, name + ".required_attendees_max"),
                    prepHours(rule.get("prep_hours_before"), origin, name)));
        });
        Classification defaultType = FALLBACK_DEFAULT;
        if (root.get("default_type") != null) {
            Map<?, ?> fallback = map(root.get("default_type"), origin, "default_type");
            defaultType = new Classification(
                    fallback.get("name") == null ? FALLBACK_DEFAULT.meetingType() : String.valueOf(fallback.get("name")),
                    prepHours(fallback.get("prep_hours_before"), origin, "default_type"));
        }
        return new MeetingClassifier(rules, defaultType);
    }

    private static int prepHours(Object value, String origin, Object name) {
        Integer hours = integer(value, origin, name + ".prep_hours_before");
        if (hours != null && hours < 0) {
            throw new IllegalStateException("Meeting type rules " + origin + ": " + name + ".prep_hours_before is negative");
        }
        return hours == null ? DEFAULT_PREP_HOURS : hours;
    }

    private static List<String> keywords(Object value, String origin, Object name) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("Meeting type rules " + origin + ": " + name + ".keywords must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Integer integer(Object value, String origin, String what) {
        if (value == null || value instanceof Integer) {
            return (Integer) value;
        }
        throw new IllegalStateException("Meeting type rules " + origin + ": " + what + " must be a whole number");
    }

    private static Map<?, ?> map(Object value, String origin, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalStateException("Meeting type rules " + origin + ": " + what + " must be a mapping");
    }
}
