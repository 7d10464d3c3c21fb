package io.meetingintel.intelligence.engine.offline;

import io.meetingintel.intelligence.engine.ExtractedItem;
import io.meetingintel.intelligence.engine.InsightDraft;
import io.meetingintel.intelligence.engine.InsightEngine;
import io.meetingintel.intelligence.engine.InsightTemplate;
import io.meetingintel.intelligence.engine.MeetingFacts;
import io.meetingintel.intelligence.engine.PrepTemplate;
import io.meetingintel.intelligence.engine.Transcript;
import io.meetingintel.intelligence.engine.TranscriptLine;
import io.meetingintel.intelligence.template.SafeTemplate;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The default engine: deterministic, rule-based, no network. Summaries are extractive ({@link KeySentences}), action
 * items and decisions come from sentence patterns ({@link ActionItemRules}, {@link DecisionRules}), preparation
 * materials from the meeting type's template. Output text is laid out with the templates' {@code format}.
 */
public final class OfflineInsightEngine implements InsightEngine {

    public static final String NAME = "offline";
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final int keySentences;

    /** @param keySentences how many sentences a summary (or running note) keeps */
    public OfflineInsightEngine(int keySentences) {
        if (keySentences < 1) {
            throw new IllegalArgumentException("A summary keeps at least one sentence");
        }
        this.keySentences = keySentences;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InsightDraft summarize(Transcript transcript, InsightTemplate template) {
        List<Sentence> sentences = Sentence.of(transcript.lines());
        Predicate<Sentence> outcome = sentence -> DecisionRules.isDecision(sentence)
                || ActionItemRules.isActionItem(sentence);
        Set<Sentence> outcomes = sentences.stream().filter(outcome).collect(Collectors.toSet());
        List<Sentence> picked = KeySentences.pick(sentences, keySentences, outcomes);
        String keyPoints = picked.isEmpty() ? "_Nothing was said that could be summarized._"
                : picked.stream().map(sentence -> "- **" + sentence.speaker() + ":** " + sentence.text())
                .collect(Collectors.joining("\n"));
        Map<String, String> values = transcriptValues(transcript);
        values.put("key_points", keyPoints);
        return new InsightDraft(format(template, values), List.of());
    }

    @Override
    public InsightDraft extractActionItems(Transcript transcript, InsightTemplate template) {
        List<ExtractedItem> items = ActionItemRules.find(Sentence.of(transcript.lines()), transcript.meeting().date());
        String list = items.stream().map(item -> "- [ ] " + item.text()
                        + (item.owner() != null ? " — **" + item.owner() + "**" : "")
                        + (item.dueDate() != null ? " (due " + item.dueDate() + ")" : ""))
                .collect(Collectors.joining("\n"));
        return listed(transcript, template, items, list, "_No action items were found._");
    }

    @Override
    public InsightDraft extractDecisions(Transcript transcript, InsightTemplate template) {
        List<ExtractedItem> items = DecisionRules.find(Sentence.of(transcript.lines()));
        String list = items.stream().map(item -> "- " + item.text()).collect(Collectors.joining("\n"));
        return listed(transcript, template, items, list, "_No decisions were recorded._");
    }

    @Override
    public InsightDraft prepare(MeetingFacts meeting, PrepTemplate template) {
        Map<String, String> values = meetingValues(meeting);
        List<String> agenda = template.agenda().stream().map(point -> SafeTemplate.substitute(point, values)).toList();
        List<String> questions = template.questions().stream()
                .map(question -> SafeTemplate.substitute(question, values)).toList();
        String background = SafeTemplate.substitute(template.background(), values).strip();
        Map<String, String> layout = new HashMap<>(values);
        layout.put("agenda", numbered(agenda));
        layout.put("questions", bulleted(questions));
        layout.put("background", background);
        List<ExtractedItem> items = new ArrayList<>();
        agenda.forEach(point -> items.add(ExtractedItem.of("Agenda: " + point)));
        questions.forEach(question -> items.add(ExtractedItem.of("Question: " + question)));
        return new InsightDraft(SafeTemplate.substitute(template.format(), layout).strip() + "\n", items);
    }

    private InsightDraft listed(Transcript transcript, InsightTemplate template, List<ExtractedItem> items,
                                String list, String none) {
        Map<String, String> values = transcriptValues(transcript);
        values.put("count", Integer.toString(items.size()));
        values.put("items", items.isEmpty() ? none : list);
        return new InsightDraft(format(template, values), items);
    }

    private static String format(InsightTemplate template, Map<String, String> values) {
        return SafeTemplate.substitute(template.format(), values).strip() + "\n";
    }

    /** Variables about the meeting and its transcript (the transcript text itself is only for prompts). */
    private static Map<String, String> transcriptValues(Transcript transcript) {
        Map<String, String> values = meetingValues(transcript.meeting());
        List<String> participants = transcript.participants();
        values.put("participants", participants.isEmpty() ? "nobody was heard" : String.join(", ", participants));
        values.put("duration", duration(transcript.durationMs()));
        List<TranscriptLine> lines = transcript.lines();
        values.put("from_time", lines.isEmpty() ? "00:00" : clock(lines.getFirst().startOffsetMs()));
        values.put("to_time", lines.isEmpty() ? "00:00" : clock(lines.getLast().endOffsetMs()));
        values.put("through_sequence", String.valueOf(transcript.lastSequence()));
        return values;
    }

    private static Map<String, String> meetingValues(MeetingFacts meeting) {
        Map<String, String> values = new HashMap<>();
        values.put("title", meeting.titleOrDefault());
        values.put("meeting_type", meeting.meetingType() == null ? "default" : meeting.meetingType());
        values.put("date", meeting.date().toString());
        values.put("start_time", meeting.start() == null ? "at a time not yet known"
                : START_TIME.format(meeting.start()));
        values.put("attendees", meeting.attendees().isEmpty() ? "no listed attendees"
                : meeting.attendees().stream().map(MeetingFacts.Person::label).collect(Collectors.joining(", ")));
        values.put("organizer", meeting.attendees().stream().filter(MeetingFacts.Person::organizer)
                .map(MeetingFacts.Person::label).findFirst().orElse("not stated"));
        values.put("description", meeting.description() == null || meeting.description().isBlank()
                ? "No description was given." : meeting.description().strip());
        return values;
    }

    private static String duration(long millis) {
        Duration duration = Duration.ofMillis(millis);
        return duration.toHours() > 0
                ? "%d h %02d min".formatted(duration.toHours(), duration.toMinutesPart())
                : "%d min %02d s".formatted(duration.toMinutes(), duration.toSecondsPart());
    }

    private static String clock(long offsetMs) {
        Duration offset = Duration.ofMillis(offsetMs);
        return "%02d:%02d:%02d".formatted(offset.toHours(), offset.toMinutesPart(), offset.toSecondsPart());
    }

    private static String bulleted(List<String> lines) {
        return lines.stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
    }

    private static String numbered(List<String> lines) {
        List<String> numbered = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            numbered.add((index + 1) + ". " + lines.get(index));
        }
        return String.join("\n", numbered);
    }
}
