package io.meetingintel.intelligence.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsightTemplatesTest {

    @Test
    void defaultsCoverEveryKindAndFallBackToTheDefaultPrepTemplate() {
        InsightTemplates templates = InsightTemplates.load(null);

        assertThat(templates.insight(InsightTemplates.SUMMARY).id()).isEqualTo("summary-v1");
        assertThat(templates.insight(InsightTemplates.SUMMARY).prompt()).contains("$transcript");
        assertThat(templates.prep("one_on_one").id()).isEqualTo("prep-one-on-one-v1");
        assertThat(templates.prep("no_such_type").id()).isEqualTo("prep-default-v1");
        assertThat(templates.prep(null).id()).isEqualTo("prep-default-v1");
    }

    @Test
    void anOverrideFileReplacesOnlyTheTemplatesItNames(@TempDir Path directory) throws IOException {
        Path override = directory.resolve("templates.yml");
        Files.writeString(override, """
                insights:
                  summary:
                    id: summary-custom
                    prompt: "Summarize $title: $transcript"
                    format: "# $title"
                prep:
                  sales_call:
                    id: prep-sales
                    agenda: ["Pricing"]
                    questions: []
                    background: "Call with $attendees"
                    format: "$agenda"
                """);

        InsightTemplates templates = InsightTemplates.load(override);

        assertThat(templates.insight(InsightTemplates.SUMMARY).id()).isEqualTo("summary-custom");
        assertThat(templates.insight(InsightTemplates.DECISIONS).id()).isEqualTo("decisions-v1");
        assertThat(templates.prep("sales_call").agenda()).containsExactly("Pricing");
        assertThat(templates.prep("qbr").id()).isEqualTo("prep-qbr-v1");
    }

    @Test
    void anInvalidOverrideIsRejectedWithTheTemplateNamed(@TempDir Path directory) throws IOException {
        Path override = directory.resolve("broken.yml");
        Files.writeString(override, "insights:\n  summary:\n    id: x\n");

        assertThatThrownBy(() -> InsightTemplates.load(override)).hasMessageContaining("summary")
                .hasMessageContaining("prompt");
    }
}
