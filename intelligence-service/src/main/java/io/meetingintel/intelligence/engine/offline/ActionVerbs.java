package io.meetingintel.intelligence.engine.offline;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Verbs (base form) that start a task. A commitment only counts as an action item when its verb is one of them, so
 * "Alice will be out on Friday" or "I'll be honest" are not taken for tasks.
 */
final class ActionVerbs {

    private static final List<String> PHRASES = Stream.of(
                    "send", "email", "e-mail", "mail", "forward", "share", "circulate", "distribute", "publish",
                    "post", "upload", "update", "revise", "edit", "fix", "finish", "finalize", "finalise", "complete",
                    "close", "deliver", "ship", "deploy", "release", "launch", "schedule", "reschedule", "book",
                    "organize", "organise", "arrange", "set up", "plan", "prepare", "draft", "write", "document",
                    "summarize", "summarise", "compile", "put together", "create", "build", "implement", "design",
                    "develop", "add", "remove", "migrate", "test", "verify", "check", "double-check", "confirm",
                    "validate", "review", "look into", "look at", "take a look", "investigate", "research", "analyze",
                    "analyse", "evaluate", "assess", "audit", "follow up", "reach out", "contact", "call", "ping",
                    "talk to", "speak to", "speak with", "talk with", "sync with", "meet with", "invite", "notify",
                    "inform", "remind", "escalate", "coordinate", "handle", "own", "take care of", "take over",
                    "lead", "run the", "run a", "train", "onboard", "hire", "order", "buy", "purchase", "pay",
                    "invoice", "sign", "approve", "submit", "file", "raise", "open a", "open an", "cancel", "renew",
                    "negotiate", "clean up", "collect", "gather", "figure out", "work on", "start working on",
                    "kick off", "loop in", "estimate", "benchmark", "measure", "track", "monitor", "report",
                    "refactor", "debug", "configure", "install", "provide", "reserve", "sort out", "respond",
                    "reply", "get back", "circle back", "write up", "send out", "produce", "merge", "extend",
                    "assign", "align with", "identify", "map out", "outline", "define", "propose", "recommend",
                    "sync up", "get in touch")
            // Longest first, so "follow up" is preferred over "follow" and "set up" over "set".
            .sorted((a, b) -> b.length() - a.length())
            .toList();
    private static final Set<String> FIRST_WORDS = PHRASES.stream().map(phrase -> phrase.split(" ")[0])
            .collect(Collectors.toUnmodifiableSet());

    /** Things people say about the meeting itself, not tasks: "let me share my screen", "I'll talk to you later". */
    private static final Pattern MEETING_TALK = Pattern.compile("^(?:share (?:my|the|your) screen|"
            + "(?:talk|speak) (?:to|with) you\\b|call it\\b|check (?:if|whether) (?:you|everyone)|"
            + "take a look at (?:this|that|the screen|the slide)\\b)", Pattern.CASE_INSENSITIVE);

    private ActionVerbs() {
    }

    /**
     * True when {@code clause} starts with an action verb phrase and says what to act on ("send the deck",
     * "follow up with legal"); a bare "check" or meeting talk ("share my screen") is not a task.
     */
    static boolean startsWithActionVerb(String clause) {
        String lower = clause.toLowerCase(Locale.ROOT);
        if (lower.split("\\s+").length < 2 || MEETING_TALK.matcher(lower).find()) {
            return false;
        }
        String firstWord = lower.split("[\\s,.;:!?]+", 2)[0];
        if (!FIRST_WORDS.contains(firstWord)) {
            return false;
        }
        return PHRASES.stream().anyMatch(phrase -> lower.equals(phrase) || lower.startsWith(phrase + " ")
                || lower.startsWith(phrase + ",") || lower.startsWith(phrase + "."));
    }
}
