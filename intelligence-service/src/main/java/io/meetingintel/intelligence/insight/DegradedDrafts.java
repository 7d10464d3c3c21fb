package io.meetingintel.intelligence.insight;

import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.engine.InsightDraft;

import java.util.List;
import java.util.Locale;

/** What is published when the engine failed for good: says so, and what is kept for a later regeneration. */
public final class DegradedDrafts {

    private DegradedDrafts() {
    }

    /**
     * @param kept what the reader still has ("the transcript of 42 chunks is stored")
     */
    public static InsightDraft unavailable(InsightKind kind, String title, RuntimeException error, String kept) {
        String label = kind.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return new InsightDraft("## " + Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": " + title
                + "\n\n_The insight engine could not produce the " + label + " (" + describe(error) + "). " + kept
                + "_\n", List.of());
    }

    public static String describe(RuntimeException error) {
        return error.getClass().getSimpleName() + (error.getMessage() != null ? ": " + error.getMessage() : "");
    }
}
