package io.meetingintel.calendar.connection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
public class CalendarConnectionRepository {

    private static final String COLUMNS = "id, user_id, name, source, url, created_at, last_sync_at, last_success_at, "
            + "last_error, last_created, last_updated, last_cancelled, last_unchanged, status, disconnected_reason";
    private static final RowMapper<CalendarConnection> ROW = CalendarConnectionRepository::map;

    private final JdbcTemplate jdbc;

    public CalendarConnectionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CalendarConnection connection) {
        jdbc.update("INSERT INTO calendar_connection (id, user_id, name, source, url, created_at, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                connection.id(), connection.userId(), connection.name(), connection.source(), connection.url(),
                Timestamp.from(connection.createdAt()), connection.status());
    }

    /** The source withdrew access: the connection stays, visibly, until the user reconnects or removes it. */
    public void markDisconnected(String id, Instant at, String reason) {
        jdbc.update("UPDATE calendar_connection SET status = 'DISCONNECTED', disconnected_reason = ?, last_sync_at = ?, "
                + "last_error = ? WHERE id = ?", reason, Timestamp.from(at), reason, id);
    }

    public void markConnected(String id) {
        jdbc.update("UPDATE calendar_connection SET status = 'CONNECTED', disconnected_reason = NULL WHERE id = ?", id);
    }

    public Optional<CalendarConnection> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM calendar_connection WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Locks the row until the transaction ends, so syncs and deletion of one connection never interleave. */
    public Optional<CalendarConnection> lock(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM calendar_connection WHERE id = ? FOR UPDATE", ROW, id)
                .stream().findFirst();
    }

    public Optional<CalendarConnection> findOwned(String userId, String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM calendar_connection WHERE id = ? AND user_id = ?", ROW, id, userId)
                .stream().findFirst();
    }

    public Optional<CalendarConnection> findByUrl(String userId, String url) {
        return jdbc.query("SELECT " + COLUMNS + " FROM calendar_connection WHERE user_id = ? AND url = ?", ROW, userId, url)
                .stream().findFirst();
    }

    public List<CalendarConnection> findPage(String userId, long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM calendar_connection WHERE user_id = ? "
                + "ORDER BY created_at, id OFFSET ? LIMIT ?", ROW, userId, offset, limit);
    }

    public long count(String userId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM calendar_connection WHERE user_id = ?", Long.class, userId);
        return count == null ? 0 : count;
    }

    public void recordSuccess(String id, Instant at, SyncCounts counts) {
        jdbc.update("UPDATE calendar_connection SET last_sync_at = ?, last_success_at = ?, last_error = NULL, "
                        + "last_created = ?, last_updated = ?, last_cancelled = ?, last_unchanged = ? WHERE id = ?",
                Timestamp.from(at), Timestamp.from(at), counts.created(), counts.updated(), counts.cancelled(),
                counts.unchanged(), id);
    }

    public void recordFailure(String id, Instant at, String error) {
        jdbc.update("UPDATE calendar_connection SET last_sync_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(at), error, id);
    }

    public void delete(String id) {
        jdbc.update("DELETE FROM calendar_connection WHERE id = ?", id);
    }

    private static CalendarConnection map(ResultSet row, int rowNumber) throws SQLException {
        return new CalendarConnection(row.getString("id"), row.getString("user_id"), row.getString("name"),
                row.getString("source"), row.getString("url"), instant(row, "created_at"),
                instant(row, "last_sync_at"), instant(row, "last_success_at"), row.getString("last_error"),
                new SyncCounts(row.getInt("last_created"), row.getInt("last_updated"), row.getInt("last_cancelled"),
                        row.getInt("last_unchanged")), row.getString("status"), row.getString("disconnected_reason"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
