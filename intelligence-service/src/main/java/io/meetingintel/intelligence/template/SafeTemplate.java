package io.meetingintel.intelligence.template;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code $variable} substitution with the semantics of Python's {@code string.Template.safe_substitute}:
 * {@code $name} and {@code ${name}} are replaced by their value, {@code $$} is a literal {@code $}, unknown or
 * malformed placeholders are left as they are. One pass, nothing evaluated: a value containing {@code $title} (say,
 * transcript text) is inserted verbatim and never substituted again.
 */
public final class SafeTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$(?:(?<escaped>\\$)|(?<named>[_a-zA-Z][_a-zA-Z0-9]*)|\\{(?<braced>[_a-zA-Z][_a-zA-Z0-9]*)})");

    private SafeTemplate() {
    }

    public static String substitute(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder result = new StringBuilder(template.length());
        while (matcher.find()) {
            String replacement;
            if (matcher.group("escaped") != null) {
                replacement = "$";
            } else {
                String name = matcher.group("named") != null ? matcher.group("named") : matcher.group("braced");
                String value = values.get(name);
                replacement = value != null ? value : matcher.group();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
