package io.meetingintel.intelligence.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The transcript (or a window of it) an engine works on. {@code truncated} is true when lines were left out to fit
 * the engine's input limit.
 */
public record Transcript(MeetingFacts meeting, List<TranscriptLine> lines, boolean truncated) {

    public Transcript {
        lines = List.copyOf(lines);
    }

    /**
     * The leading lines whose rendered text fits in {@code maxChars}, the first line that does not fit cut to the
     * room left; marked truncated when anything was left out.
     */
    public Transcript limitedTo(int maxChars) {
        List<TranscriptLine> kept = new ArrayList<>();
        int used = 0;
        for (TranscriptLine line : lines) {
            int length = render(line).length() + 1;
            if (used + length > maxChars) {
                int room = maxChars - used - (render(line).length() - line.text().length()) - 1;
                if (room > 0) {
                    kept.add(new TranscriptLine(line.sequence(), line.speaker(), line.text().substring(0, room),
                            line.startOffsetMs(), line.endOffsetMs()));
                }
                return new Transcript(meeting, kept, true);
            }
            kept.add(line);
            used += length;
        }
        return this;
    }

    /** "Speaker: text" lines, the form prompts and limits count in. */
    public String render() {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(render(line)).append('\n'));
        return text.toString();
    }

    /** Speakers in order of first appearance. */
    public List<String> participants() {
        var speakers = new LinkedHashSet<String>();
        lines.forEach(line -> speakers.add(line.speakerOrUnknown()));
        return List.copyOf(speakers);
    }

    public long durationMs() {
        if (lines.isEmpty()) {
            return 0;
        }
        long start = lines.stream().mapToLong(TranscriptLine::startOffsetMs).min().orElse(0);
        long end = lines.stream().mapToLong(TranscriptLine::endOffsetMs).max().orElse(0);
        return Math.max(0, end - start);
    }

    public Long lastSequence() {
        return lines.isEmpty() ? null : lines.getLast().sequence();
    }

    private static String render(TranscriptLine line) {
        return line.speakerOrUnknown() + ": " + line.text();
    }
}
