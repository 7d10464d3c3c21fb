package io.meetingintel.calendar.rules;

import io.meetingintel.calendar.classify.MeetingTypeRule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class UserRuleRepository {

    private static final TypeReference<List<String>> KEYWORDS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, user_id, position, meeting_type, keywords, min_attendees, "
            + "max_attendees, prep_hours_before, created_at, updated_at";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<UserRule> row = this::map;

    UserRuleRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<UserRule> findAll(String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM classification_rule WHERE user_id = ? ORDER BY position, id",
                row, userId);
    }

    List<UserRule> findPage(String userId, long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM classification_rule WHERE user_id = ? ORDER BY position, id "
                + "OFFSET ? LIMIT ?", row, userId, offset, limit);
    }

    long count(String userId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM classification_rule WHERE user_id = ?", Long.class,
                userId);
        return count == null ? 0 : count;
    }

    Optional<UserRule> find(String userId, String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM classification_rule WHERE id = ? AND user_id = ?", row, id,
                userId).stream().findFirst();
    }

    int nextPosition(String userId) {
        Integer next = jdbc.queryForObject("SELECT coalesce(max(position) + 1, 0) FROM classification_rule "
                + "WHERE user_id = ?", Integer.class, userId);
        return next == null ? 0 : next;
    }

    void insert(UserRule rule) {
        MeetingTypeRule r = rule.rule();
        jdbc.update("INSERT INTO classification_rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)",
                rule.id(), rule.userId(), rule.position(), r.meetingType(), json.writeValueAsString(r.keywords()),
                r.minAttendees(), r.maxAttendees(), r.prepHoursBefore(), Timestamp.from(rule.createdAt()),
                Timestamp.from(rule.updatedAt()));
    }

    void update(UserRule rule) {
        MeetingTypeRule r = rule.rule();
        jdbc.update("UPDATE classification_rule SET position = ?, meeting_type = ?, keywords = ?::jsonb, "
                        + "min_attendees = ?, max_attendees = ?, prep_hours_before = ?, updated_at = ? "
                        + "WHERE id = ? AND user_id = ?", rule.position(), r.meetingType(),
                json.writeValueAsString(r.keywords()), r.minAttendees(), r.maxAttendees(), r.prepHoursBefore(),
                Timestamp.from(rule.updatedAt()), rule.id(), rule.userId());
    }

    boolean delete(String userId, String id) {
        return jdbc.update("DELETE FROM classification_rule WHERE id = ? AND user_id = ?", id, userId) == 1;
    }

    private UserRule map(ResultSet rs, int rowNumber) throws SQLException {
        return new UserRule(rs.getString("id"), rs.getString("user_id"), rs.getInt("position"),
                new MeetingTypeRule(rs.getString("meeting_type"), json.readValue(rs.getString("keywords"), KEYWORDS),
                        (Integer) rs.getObject("min_attendees"), (Integer) rs.getObject("max_attendees"),
                        rs.getInt("prep_hours_before")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
