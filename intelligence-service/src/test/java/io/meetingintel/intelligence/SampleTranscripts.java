package io.meetingintel.intelligence;

import io.meetingintel.intelligence.engine.TranscriptLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sample transcript from src/test/resources: one chunk per "Speaker: text" line, lines starting with '#'
 * ignored. Chunk n gets sequence n and the 15 seconds from (n - 1) * 15 s.
 */
public final class SampleTranscripts {

    public static final long CHUNK_MS = 15_000;

    private SampleTranscripts() {
    }

    public static List<TranscriptLine> load(String resource) {
        try (InputStream in = SampleTranscripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            List<TranscriptLine> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(": ");
                long sequence = lines.size() + 1;
                long start = (sequence - 1) * CHUNK_MS;
                lines.add(new TranscriptLine(sequence, line.substring(0, colon), line.substring(colon + 2), start,
                        start + CHUNK_MS - 1_000));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
