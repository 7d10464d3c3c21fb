package io.meetingintel.meeting.reports;

import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What other services reported about meetings (bot statuses, insights), copied into this service's database so the
 * meeting view never reads another service's data. Older reports never overwrite newer ones.
 */
@Repository
public class MeetingReports {

    private static final Logger log = LoggerFactory.getLogger(MeetingReports.class);
    private static final TypeReference<List<InsightEntry>> ENTRIES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<ReportedInsight> insightRows;

    public MeetingReports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.insightRows = (row, number) -> new ReportedInsight(row.getString("meeting_id"),
                InsightSection.fromCode(row.getString("kind")), row.getString("insight_id"), row.getString("content"),
                json.readValue(row.getString("items"), ENTRIES), row.getString("engine"),
                row.getTimestamp("generated_at").toInstant());
    }

    /** Keeps the status unless the bot already reported a later transition. */
    public void recordBotStatus(ReportedBotStatus report) {
        int changed = jdbc.sql("""
                        INSERT INTO meeting_bot_status (meeting_id, bot_id, status, transition, reason, reported_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (meeting_id, bot_id) DO UPDATE SET status = excluded.status,
                            transition = excluded.transition, reason = excluded.reason,
                            reported_at = excluded.reported_at
                        WHERE excluded.transition > meeting_bot_status.transition""")
                .params(report.meetingId(), report.botId(), report.status(), report.transition(), report.reason(),
                        Timestamp.from(report.reportedAt()))
                .update();
        if (changed == 0) {
            log.info("Ignored bot {} status {} (transition {}) of meeting {}: a later transition is stored",
                    report.botId(), report.status(), report.transition(), report.meetingId());
        } else {
            log.info("Bot {} of meeting {} is {} (transition {})", report.botId(), report.meetingId(),
                    report.status(), report.transition());
        }
    }

    /** Keeps the insight unless a newer one of the same kind is stored. */
    public void recordInsight(ReportedInsight insight) {
        int changed = jdbc.sql("""
                        INSERT INTO meeting_insight (meeting_id, kind, insight_id, content, items, engine, generated_at)
                        VALUES (?, ?, ?, ?, CAST(? AS JSONB), ?, ?)
                        ON CONFLICT (meeting_id, kind) DO UPDATE SET insight_id = excluded.insight_id,
                            content = excluded.content, items = excluded.items, engine = excluded.engine,
                            generated_at = excluded.generated_at
                        WHERE excluded.generated_at >= meeting_insight.generated_at""")
                .params(insight.meetingId(), insight.section().code(), insight.insightId(), insight.content(),
                        json.writeValueAsString(insight.items()), insight.engine(),
                        Timestamp.from(insight.generatedAt()))
                .update();
        if (changed == 0) {
            log.info("Ignored {} insight {} of meeting {}: a newer one is stored", insight.section().code(),
                    insight.insightId(), insight.meetingId());
        } else {
            log.info("Stored {} insight {} of meeting {} ({} items)", insight.section().code(), insight.insightId(),
                    insight.meetingId(), insight.items().size());
        }
    }

    /** The status of the bot that reported last for the meeting. */
    public Optional<ReportedBotStatus> latestBotStatus(String meetingId) {
        return jdbc.sql("""
                        SELECT meeting_id, bot_id, status, transition, reason, reported_at FROM meeting_bot_status
                        WHERE meeting_id = ? ORDER BY reported_at DESC, transition DESC LIMIT 1""")
                .param(meetingId)
                .query((row, number) -> new ReportedBotStatus(row.getString("meeting_id"), row.getString("bot_id"),
                        row.getString("status"), row.getInt("transition"), row.getString("reason"),
                        row.getTimestamp("reported_at").toInstant()))
                .optional();
    }

    public Optional<ReportedInsight> findInsight(String meetingId, InsightSection section) {
        return jdbc.sql("SELECT * FROM meeting_insight WHERE meeting_id = ? AND kind = ?")
                .params(meetingId, section.code()).query(insightRows).optional();
    }

    public Map<InsightSection, ReportedInsight> insights(String meetingId) {
        Map<InsightSection, ReportedInsight> bySection = new EnumMap<>(InsightSection.class);
        jdbc.sql("SELECT * FROM meeting_insight WHERE meeting_id = ?").param(meetingId).query(insightRows).list()
                .forEach(insight -> bySection.put(insight.section(), insight));
        return bySection;
    }
}
