package io.meetingintel.intelligence.engine;

import java.util.List;

/** Preparation materials for one meeting type: agenda points, questions, background and their Markdown layout. */
public record PrepTemplate(String id, List<String> agenda, List<String> questions, String background, String format) {

    public PrepTemplate {
        agenda = List.copyOf(agenda);
        questions = List.copyOf(questions);
    }
}
