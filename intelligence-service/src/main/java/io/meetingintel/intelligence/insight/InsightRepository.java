package io.meetingintel.intelligence.insight;

import io.meetingintel.events.InsightKind;
import io.meetingintel.intelligence.engine.ExtractedItem;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class InsightRepository {

    private static final TypeReference<List<ExtractedItem>> ITEMS = new TypeReference<>() {
    };
    private static final String COLUMNS = "insight_id, meeting_id, kind, content, items::text, engine, template_id, "
            + "truncated, transcript_through_sequence, final_insight, engine_error, created_at";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public InsightRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @return false when a final insight of this kind already exists for the meeting (and meeting version): it is
     * recorded, and was published, once
     */
    public boolean insert(String insightId, NewInsight insight) {
        return jdbc.update("INSERT INTO insight (insight_id, meeting_id, user_id, kind, content, items, engine, "
                        + "template_id, truncated, transcript_through_sequence, final_insight, meeting_version, "
                        + "engine_error) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (meeting_id, kind, meeting_version) WHERE final_insight DO NOTHING",
                insightId, insight.meetingId(), insight.userId(), insight.kind().name(), insight.draft().content(),
                json.writeValueAsString(insight.draft().items()), insight.engine(), insight.templateId(),
                insight.truncated(), insight.transcriptThroughSequence(), insight.finalInsight(),
                insight.meetingVersion(), insight.engineError()) == 1;
    }

    public List<StoredInsight> page(String meetingId, long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM insight WHERE meeting_id = ? ORDER BY created_at, insight_id "
                + "LIMIT ? OFFSET ?", this::insight, meetingId, limit, offset);
    }

    public long count(String meetingId) {
        return jdbc.queryForObject("SELECT count(*) FROM insight WHERE meeting_id = ?", Long.class, meetingId);
    }

    public Optional<StoredInsight> latest(String meetingId, InsightKind kind) {
        return jdbc.query("SELECT " + COLUMNS + " FROM insight WHERE meeting_id = ? AND kind = ? "
                        + "ORDER BY created_at DESC, insight_id DESC LIMIT 1", this::insight, meetingId, kind.name())
                .stream().findFirst();
    }

    private StoredInsight insight(ResultSet rows, int index) throws SQLException {
        long through = rows.getLong("transcript_through_sequence");
        Long throughSequence = rows.wasNull() ? null : through;
        return new StoredInsight(rows.getString("insight_id"), rows.getString("meeting_id"),
                InsightKind.valueOf(rows.getString("kind")), rows.getString("content"),
                json.readValue(rows.getString(5), ITEMS), rows.getString("engine"), rows.getString("template_id"),
                rows.getBoolean("truncated"), throughSequence, rows.getBoolean("final_insight"),
                rows.getString("engine_error"), rows.getTimestamp("created_at").toInstant());
    }
}
